import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SessionRevocationReason } from '@warden/contracts';
import { PresenceTracker } from '../presence/presence.tracker';
import { outlastSessionLeases } from './session-lease';
import { SessionRepository } from './session.repository';

/**
 * Ends every live session of some people at once, for a reason decided outside identity (the permissions service
 * barring them from login). Answers only after the lease wait, like every other session end, so the caller's own
 * answer is given when no gateway still takes those sessions as live. Ids of nobody (or of another tenant's
 * people) end nothing; a repeat ends nothing new and answers without waiting.
 */
@Injectable()
export class EndPeopleSessionsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly presence: PresenceTracker,
  ) {}

  async execute(tenantId: string, personIds: readonly string[], reason: SessionRevocationReason): Promise<{ ended: number }> {
    // One order for everybody, so two calls about overlapping people lock their rows the same way round.
    const people = [...new Set(personIds)].sort();
    if (people.length === 0) return { ended: 0 };
    const ended = await this.dataSource.transaction(async (manager) => {
      let count = 0;
      for (const personId of people) {
        const now = await this.sessions.revokeAllOfPerson(manager, tenantId, personId, reason);
        if (now > 0) await this.presence.offline(manager, tenantId, personId);
        count += now;
      }
      return count;
    });
    if (ended > 0) await outlastSessionLeases();
    return { ended };
  }
}
