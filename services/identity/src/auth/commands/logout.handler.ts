import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PresenceTracker } from '../../presence/presence.tracker';
import { outlastSessionLeases } from '../../sessions/session-lease';
import { SessionRepository } from '../../sessions/session.repository';

/** Ends one session (its refresh tokens stop working); the person goes offline with its last session. */
@Injectable()
export class LogoutHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly presence: PresenceTracker,
  ) {}

  async execute(tenantId: string, sessionId: string): Promise<{ loggedOut: true }> {
    await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.revokeSession(manager, tenantId, sessionId, 'logout');
      if (session && !(await this.sessions.hasLiveSession(manager, tenantId, session.person_id))) {
        await this.presence.offline(manager, tenantId, session.person_id);
      }
    });
    // Also when it had ended before: the earlier answer may not have reached this client.
    await outlastSessionLeases();
    return { loggedOut: true };
  }
}
