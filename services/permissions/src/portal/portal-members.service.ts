import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { GroupRef, PolicyChange, PortalContactCompany } from '@warden/contracts';
import { GroupsRepository } from '../groups/groups.repository';
import { GroupsService } from '../groups/groups.service';
import { MembershipEvents } from '../groups/membership-events';
import { PersonsRepository } from '../persons/persons.repository';
import { ContactPlacement } from '../order-access/contact-placement.service';
import { PolicyVersions } from '../policy/policy-versions';

/** Two changes of one transaction as one answer: the later version, everyone either named. */
function mergeChanges(first: PolicyChange, second: PolicyChange): PolicyChange {
  const people =
    first.affectedPersonIds === null || second.affectedPersonIds === null
      ? null
      : [...new Set([...first.affectedPersonIds, ...second.affectedPersonIds])];
  return { policyVersion: Math.max(first.policyVersion, second.policyVersion), affectedPersonIds: people };
}

export interface PortalMembership {
  groups: GroupRef[];
  policy: PolicyChange;
}

/**
 * Portal contacts and the tenant's Client group. A contact with portal access is a member (that is
 * where its `auth.login` comes from, so barring the Client group locks every client out); a revoked
 * contact leaves it, so an access token it still holds stops working at once. Only the Client group
 * is touched — other groups an administrator gave the contact stay. Both operations are idempotent:
 * each is reached by the gateway's synchronous call and again by identity's event.
 */
@Injectable()
export class PortalMembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
    private readonly groupsService: GroupsService,
    private readonly persons: PersonsRepository,
    private readonly policy: PolicyVersions,
    private readonly membershipEvents: MembershipEvents,
    private readonly contacts: ContactPlacement,
  ) {}

  /** `company`: the contact's company as the directory answered the grant, recorded with it. */
  grantNow(tenantId: string, personId: string, company?: PortalContactCompany): Promise<PortalMembership> {
    if (!company) return this.dataSource.transaction((manager) => this.grant(manager, tenantId, personId));
    return this.dataSource.transaction(async (manager) => {
      // Queued behind the contact's own events (ContactPlacement takes the same lock), and the
      // membership first: the same lock order as the access-granted event's grant.
      await this.policy.serialize(manager, tenantId);
      const membership = await this.grant(manager, tenantId, personId);
      const placed = await this.contacts.place(manager, tenantId, personId, company.companyId, company.at);
      return placed ? { ...membership, policy: mergeChanges(membership.policy, placed) } : membership;
    });
  }

  revokeNow(tenantId: string, personId: string): Promise<PortalMembership> {
    return this.dataSource.transaction((manager) => this.revoke(manager, tenantId, personId));
  }

  async grant(manager: EntityManager, tenantId: string, personId: string): Promise<PortalMembership> {
    await this.groupsService.ensureDefaultGroups(manager, tenantId);
    const newcomer = await this.persons.ensure(manager, tenantId, personId, 'contact');
    const clients = (await this.groups.findBySystemKey(manager, tenantId, 'client', true))!;
    const added = await this.groups.addMembers(manager, tenantId, clients.id, [personId]);
    await this.membershipEvents.record(manager, tenantId, clients, added, []);
    return this.answer(manager, tenantId, personId, newcomer || added.length > 0);
  }

  async revoke(manager: EntityManager, tenantId: string, personId: string): Promise<PortalMembership> {
    const clients = await this.groups.findBySystemKey(manager, tenantId, 'client', true);
    const removed = clients ? await this.groups.removeMembers(manager, tenantId, clients.id, [personId]) : [];
    if (clients) await this.membershipEvents.record(manager, tenantId, clients, [], removed);
    return this.answer(manager, tenantId, personId, removed.length > 0);
  }

  /** A repeated call (the event after the RPC) changes nothing and announces nothing. */
  private async answer(manager: EntityManager, tenantId: string, personId: string, changed: boolean): Promise<PortalMembership> {
    const policy = changed
      ? await this.policy.bump(manager, tenantId, [personId], 'person.portal-access')
      : { policyVersion: await this.policy.current(manager, tenantId), affectedPersonIds: [] };
    const groups = (await this.groups.groupsOf(manager, tenantId, [personId]))[personId] ?? [];
    return { groups, policy };
  }
}
