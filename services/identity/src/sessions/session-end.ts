import type { EntityManager } from 'typeorm';
import type { SessionRevocationReason } from '@warden/contracts';
import type { PresenceTracker } from '../presence/presence.tracker';
import type { SessionRepository } from './session.repository';

/**
 * Ends one session in the caller's transaction and, when it was the person's last live one, marks the person
 * offline: a logout, a refresh token used twice, a sign-in refused by a bar that committed meanwhile. The person is
 * the session's own unless given (the session may have ended already; its person is then still looked at).
 */
export async function endSession(
  parts: { sessions: SessionRepository; presence: PresenceTracker },
  manager: EntityManager,
  tenantId: string,
  sessionId: string,
  reason: SessionRevocationReason,
  personId?: string,
): Promise<void> {
  const session = await parts.sessions.revokeSession(manager, tenantId, sessionId, reason);
  const person = personId ?? session?.person_id;
  if (person && !(await parts.sessions.hasLiveSession(manager, tenantId, person))) await parts.presence.offline(manager, tenantId, person);
}
