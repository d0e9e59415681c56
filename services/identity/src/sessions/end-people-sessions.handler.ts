import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@warden/contracts';
import { PresenceTracker } from '../presence/presence.tracker';
import { outlastSessionLeases } from './session-lease';
import { SessionRepository } from './session.repository';

export class EndPeopleSessionsCommand extends Command<{ ended: number }> {
  constructor(
    readonly ctx: RequestContext,
    readonly personIds: readonly string[],
    /** Only the permissions service's login bar ends sessions from outside identity. */
    readonly reason: 'login-barred',
  ) {
    super();
  }
}

/**
 * Ends every live session of some people at once, for a reason decided outside identity (the permissions service
 * barring them from login). Answers only after the lease wait, like every other session end, so the caller's own
 * answer is given when no gateway still takes those sessions as live. Ids of nobody (or of another tenant's
 * people) end nothing; a repeat ends nothing new and answers without waiting.
 */
@CommandHandler(EndPeopleSessionsCommand)
export class EndPeopleSessionsHandler implements ICommandHandler<EndPeopleSessionsCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly presence: PresenceTracker,
  ) {}

  async execute({ ctx, personIds, reason }: EndPeopleSessionsCommand): Promise<{ ended: number }> {
    const { tenantId } = ctx;
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
