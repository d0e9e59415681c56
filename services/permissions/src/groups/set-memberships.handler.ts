import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OutgoingEvent, PersonKind, RequestContext } from '@warden/contracts';
import { PersonsRepository } from '../persons/persons.repository';
import { PolicyVersions } from '../policy/policy-versions';
import { GroupsRepository } from './groups.repository';
import { LoginBarEnforcer } from './login-bar.enforcer';
import { applyMemberships } from './memberships.record';
import type { MembershipsSet } from './memberships.record';

/** A person's groups as a whole, set when identity creates or edits staff: unknown groups are refused. */
export class SetMembershipsCommand extends Command<MembershipsSet> {
  constructor(
    readonly ctx: RequestContext,
    readonly personId: string,
    readonly groupIds: readonly string[],
    readonly kind: PersonKind = 'employee',
  ) {
    super();
  }
}

@CommandHandler(SetMembershipsCommand)
export class SetMembershipsHandler implements ICommandHandler<SetMembershipsCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
    private readonly persons: PersonsRepository,
    private readonly policy: PolicyVersions,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly loginBar: LoginBarEnforcer,
  ) {}

  async execute({ ctx, personId, groupIds, kind }: SetMembershipsCommand): Promise<MembershipsSet> {
    const writers = { groups: this.groups, persons: this.persons, policy: this.policy, events: this.events };
    const set = await this.dataSource.transaction((manager) =>
      applyMemberships(manager, writers, ctx.tenantId, personId, [...new Set(groupIds)], kind, 'strict'),
    );
    await this.loginBar.endBarredSessions(ctx, [personId]);
    return set;
  }
}
