import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { isUuid } from '@warden/kernel';
import type { GroupView, PolicyChange } from '@warden/contracts';
import { GroupErrors } from '../groups/groups.errors';
import { GroupsRepository } from '../groups/groups.repository';
import { GroupsService } from '../groups/groups.service';
import { MembershipEvents } from '../groups/membership-events';
import { PersonsRepository } from '../persons/persons.repository';
import { PolicyVersions } from '../policy/policy-versions';

/**
 * A new tenant's default groups and its first administrator. Reached twice for every tenant — the
 * gateway's call right after creating it and identity's `tenant.created` event — so it is idempotent:
 * the second run finds everything in place and changes nothing.
 */
@Injectable()
export class ProvisioningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
    private readonly groupsService: GroupsService,
    private readonly persons: PersonsRepository,
    private readonly policy: PolicyVersions,
    private readonly membershipEvents: MembershipEvents,
  ) {}

  provision(tenantId: string, administratorId: string): Promise<{ groups: GroupView[]; policy: PolicyChange }> {
    // The context may carry no tenant (calls made before one is known); the administrator is an id (the RPC boundary).
    if (!isUuid(tenantId)) throw GroupErrors.unknownPersons('tenantId', [String(tenantId)]);
    return this.dataSource.transaction((manager) => this.apply(manager, tenantId, administratorId));
  }

  async apply(manager: EntityManager, tenantId: string, administratorId: string): Promise<{ groups: GroupView[]; policy: PolicyChange }> {
    await this.policy.serialize(manager, tenantId);
    const createdGroups = await this.groupsService.ensureDefaultGroups(manager, tenantId);
    const newcomer = await this.persons.ensure(manager, tenantId, administratorId, 'employee');
    const administrators = (await this.groups.findBySystemKey(manager, tenantId, 'administrator'))!;
    const added = await this.groups.addMembers(manager, tenantId, administrators.id, [administratorId]);
    await this.membershipEvents.record(manager, tenantId, administrators, added, []);
    const policy =
      createdGroups || newcomer || added.length > 0
        ? await this.policy.bump(manager, tenantId, [administratorId], 'tenant.provisioned')
        : { policyVersion: await this.policy.current(manager, tenantId), affectedPersonIds: [] };
    return { groups: await this.groups.list(manager, tenantId), policy };
  }
}
