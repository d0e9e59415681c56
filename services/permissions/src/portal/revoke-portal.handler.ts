import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OutgoingEvent, RequestContext } from '@warden/contracts';
import { GroupsRepository } from '../groups/groups.repository';
import { PersonsRepository } from '../persons/persons.repository';
import { PolicyVersions } from '../policy/policy-versions';
import { revokePortal } from './portal-membership.record';
import type { PortalMembership } from './portal-membership.record';

export class RevokePortalCommand extends Command<PortalMembership> {
  constructor(
    readonly ctx: RequestContext,
    readonly personId: string,
  ) {
    super();
  }
}

@CommandHandler(RevokePortalCommand)
export class RevokePortalHandler implements ICommandHandler<RevokePortalCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
    private readonly persons: PersonsRepository,
    private readonly policy: PolicyVersions,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  execute({ ctx, personId }: RevokePortalCommand): Promise<PortalMembership> {
    const writers = { groups: this.groups, persons: this.persons, policy: this.policy, events: this.events };
    return this.dataSource.transaction((manager) => revokePortal(manager, writers, ctx.tenantId, personId));
  }
}
