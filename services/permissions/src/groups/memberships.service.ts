import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { GroupRef, PersonKind, PolicyChange } from '@warden/contracts';
import { PolicyVersions } from '../policy/policy-versions';
import { PersonsRepository } from '../persons/persons.repository';
import { GroupErrors } from './groups.errors';
import { GroupsRepository } from './groups.repository';
import { GroupsService } from './groups.service';
import { MembershipEvents } from './membership-events';

export interface MembershipsSet {
  groups: GroupRef[];
  policy: PolicyChange;
}

/** A person's groups as a whole: read for staff views, set when staff is created or edited. */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
    private readonly groupsService: GroupsService,
    private readonly persons: PersonsRepository,
    private readonly policy: PolicyVersions,
    private readonly membershipEvents: MembershipEvents,
  ) {}

  of(tenantId: string, personIds: readonly string[]): Promise<Record<string, GroupRef[]>> {
    return this.groups.groupsOf(this.dataSource.manager, tenantId, personIds);
  }

  /** The synchronous path (identity creating or editing staff): unknown groups are refused. */
  set(tenantId: string, personId: string, groupIds: readonly string[], kind: PersonKind = 'employee'): Promise<MembershipsSet> {
    return this.dataSource.transaction((manager) => this.apply(manager, tenantId, personId, [...new Set(groupIds)], kind, 'strict'));
  }

  /**
   * Makes the person's groups exactly `groupIds` (none = the tenant's Employee group) and records the
   * person in the read model, so a check right after this call already knows them. `lenient` (events)
   * skips unknown groups instead of refusing, since an event cannot be refused.
   */
  async apply(
    manager: EntityManager,
    tenantId: string,
    personId: string,
    groupIds: readonly string[],
    kind: PersonKind,
    mode: 'strict' | 'lenient',
  ): Promise<MembershipsSet> {
    await this.policy.serialize(manager, tenantId);
    const newcomer = await this.persons.ensure(manager, tenantId, personId, kind);
    let targets = await this.groups.findMany(manager, tenantId, groupIds);
    const unknown = groupIds.filter((id) => !targets.some((group) => group.id === id));
    if (unknown.length > 0 && mode === 'strict') throw GroupErrors.unknownGroups('groupIds', unknown);
    if (targets.length === 0) {
      await this.groupsService.ensureDefaultGroups(manager, tenantId);
      targets = [(await this.groups.findBySystemKey(manager, tenantId, 'employee'))!];
    }
    const current = (await this.groups.groupsOf(manager, tenantId, [personId]))[personId] ?? [];
    const leaving = current.filter((group) => !targets.some((target) => target.id === group.id));
    const joining = targets.filter((target) => !current.some((group) => group.id === target.id));
    const administrator = await this.groups.findBySystemKey(manager, tenantId, 'administrator', leaving.length > 0);
    if (
      administrator &&
      leaving.some((group) => group.id === administrator.id) &&
      (await this.groups.countActiveMembers(manager, tenantId, administrator.id, [personId])) === 0
    ) {
      throw GroupErrors.lastAdministrator();
    }
    for (const group of leaving) {
      await this.groups.removeMembers(manager, tenantId, group.id, [personId]);
      await this.membershipEvents.record(manager, tenantId, group, [], [personId]);
    }
    for (const group of joining) {
      await this.groups.addMembers(manager, tenantId, group.id, [personId]);
      await this.membershipEvents.record(manager, tenantId, group, [personId], []);
    }
    // A repeated call (the event after the RPC) changes nothing and announces nothing.
    const changed = newcomer || leaving.length > 0 || joining.length > 0;
    const policy = changed
      ? await this.policy.bump(manager, tenantId, [personId], 'person.groups')
      : { policyVersion: await this.policy.current(manager, tenantId), affectedPersonIds: [] };
    const groups = targets.map((group) => ({ id: group.id, name: group.name })).sort((a, b) => a.name.localeCompare(b.name));
    return { groups, policy };
  }
}
