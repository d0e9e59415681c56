import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OutgoingEvent, PolicyChange, PortalContactCompany, RequestContext } from '@warden/contracts';
import { GroupsRepository } from '../groups/groups.repository';
import { PersonsRepository } from '../persons/persons.repository';
import { placeContact } from '../order-access/contact-company.record';
import { OrderVisibilityRepository } from '../order-access/order-visibility.repository';
import { PolicyVersions } from '../policy/policy-versions';
import { grantPortal } from './portal-membership.record';
import type { PortalMembership } from './portal-membership.record';

/** Two changes of one transaction as one answer: the later version, everyone either named. */
function mergeChanges(first: PolicyChange, second: PolicyChange): PolicyChange {
  const people =
    first.affectedPersonIds === null || second.affectedPersonIds === null
      ? null
      : [...new Set([...first.affectedPersonIds, ...second.affectedPersonIds])];
  return { policyVersion: Math.max(first.policyVersion, second.policyVersion), affectedPersonIds: people };
}

/** `company`: the contact's company as the directory answered the grant, recorded with it. */
export class GrantPortalCommand extends Command<PortalMembership> {
  constructor(
    readonly ctx: RequestContext,
    readonly personId: string,
    readonly company?: PortalContactCompany,
  ) {
    super();
  }
}

@CommandHandler(GrantPortalCommand)
export class GrantPortalHandler implements ICommandHandler<GrantPortalCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
    private readonly persons: PersonsRepository,
    private readonly policy: PolicyVersions,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly visibility: OrderVisibilityRepository,
  ) {}

  execute({ ctx, personId, company }: GrantPortalCommand): Promise<PortalMembership> {
    const tenantId = ctx.tenantId;
    const writers = { groups: this.groups, persons: this.persons, policy: this.policy, events: this.events };
    if (!company) return this.dataSource.transaction((manager) => grantPortal(manager, writers, tenantId, personId));
    return this.dataSource.transaction(async (manager) => {
      // Queued behind the contact's own events (placeContact takes the same lock), and the
      // membership first: the same lock order as the access-granted event's grant.
      await this.policy.serialize(manager, tenantId);
      const membership = await grantPortal(manager, writers, tenantId, personId);
      const placed = await placeContact(
        manager,
        { visibility: this.visibility, policy: this.policy },
        tenantId,
        personId,
        company.companyId,
        company.at,
      );
      return placed ? { ...membership, policy: mergeChanges(membership.policy, placed) } : membership;
    });
  }
}
