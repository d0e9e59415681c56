import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { isUuid } from '@warden/kernel';
import type { RequestContext } from '@warden/contracts';
import { PresenceTracker } from '../presence/presence.tracker';
import { outlastSessionLeases } from './session-lease';
import { SessionErrors } from './session.errors';
import { SessionRepository } from './session.repository';

/** At most this many people in one call (the members of one group). */
const MAX_PEOPLE = 10_000;

export class EndPeopleSessionsCommand extends Command<{ ended: number }> {
  constructor(
    readonly ctx: RequestContext,
    readonly personIds: readonly unknown[],
    /** Only the permissions service's login bar ends sessions from outside identity. */
    readonly reason: 'login-barred',
  ) {
    super();
  }
}

/**
 * Ends every live session of some people at once, for a reason decided outside identity (the permissions service
 * barring them from login). Answers only after the lease wait, like every other session end, so the caller's own
 * answer is given when no gateway still takes those sessions as live. Ids that are malformed or of nobody end
 * nothing; a repeat ends nothing new and answers without waiting.
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
    if (!Array.isArray(personIds)) throw SessionErrors.personIdsRequired();
    if (reason !== 'login-barred') throw SessionErrors.reasonUnknown();
    // One order for everybody, so two calls about overlapping people lock their rows the same way round.
    const people = [...new Set(personIds.filter(isUuid).map((id) => id.toLowerCase()))].sort().slice(0, MAX_PEOPLE);
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
