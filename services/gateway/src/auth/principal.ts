import type { FastifyRequest } from 'fastify';
import type { PersonKind } from '@warden/contracts';

/** The signed-in person, taken from a verified access token and nothing else. */
export interface Principal {
  personId: string;
  tenantId: string;
  tenantSlug: string;
  kind: PersonKind;
  sessionId: string;
  /** When the access token expires (ms since the epoch). */
  expiresAtMs: number;
}

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };
