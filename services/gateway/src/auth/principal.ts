import type { FastifyRequest } from 'fastify';
import type { PersonKind } from '@warden/contracts';

/** The signed-in person, taken from a verified access token and nothing else. */
export interface Principal {
  personId: string;
  tenantId: string;
  tenantSlug: string;
  kind: PersonKind;
  sessionId: string;
}

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };
