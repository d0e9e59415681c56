import type { OutgoingEvent, SessionRevocationReason } from '@warden/contracts';
import { SessionsRevokedV1 } from '@warden/contracts';

export interface EndedSessions {
  tenantId: string;
  personId: string;
  sessionIds: string[];
  reason: SessionRevocationReason;
}

/** Sessions of one person ended now; gateways stop accepting their access tokens at once. */
export function sessionsRevoked(ended: EndedSessions, accessTokenTtlSeconds: number, now = Date.now()): OutgoingEvent<SessionsRevokedV1> {
  const { tenantId, personId, sessionIds, reason } = ended;
  return {
    contract: SessionsRevokedV1,
    tenantId,
    subject: personId,
    data: {
      personId,
      sessionIds,
      reason,
      at: new Date(now).toISOString(),
      // Tokens are issued no later than now, so none of these sessions' tokens is valid past this.
      tokensExpireBy: new Date(now + accessTokenTtlSeconds * 1000).toISOString(),
    },
  };
}
