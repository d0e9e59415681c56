import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { newId } from '@warden/kernel';
import { DEFAULT_GROUPS, RIGHT_NAMES } from '@warden/contracts';
import type { GroupInput, GroupView, PolicyChange, UpdateGroupData } from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import { PolicyVersions } from '../policy/policy-versions';
import { PersonsRepository } from '../persons/persons.repository';
import { GroupErrors } from './groups.errors';
import { GroupsRepository } from './groups.repository';
import { MembershipEvents } from './membership-events';
import { rightSet } from './group-input';
import { groupValues, membershipChange } from './groups.audit';

export interface GroupChanged {
  group: GroupView;
  policy: PolicyChange;
}

/** Creating and changing groups and their members; each change is one transaction with its policy bump. */
@Injectable()
export class GroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
    private readonly persons: PersonsRepository,
    private readonly policy: PolicyVersions,
    private readonly membershipEvents: MembershipEvents,
    private readonly audit: AuditRecorder,
  ) {}

  list(tenantId: string): Promise<GroupView[]> {
    return this.groups.list(this.dataSource.manager, tenantId);
  }

  async get(tenantId: string, groupId: string): Promise<GroupView & { memberIds: string[] }> {
    const manager = this.dataSource.manager;
    const group = await this.load(manager, tenantId, groupId);
    return { ...group, memberIds: await this.groups.memberIds(manager, tenantId, groupId) };
  }

  /** Creates the default groups the tenant lacks; true when any was created. */
  async ensureDefaultGroups(manager: EntityManager, tenantId: string): Promise<boolean> {
    let created = false;
    for (const group of DEFAULT_GROUPS) {
      const inserted = await this.groups.insertSystemGroup(manager, tenantId, {
        id: newId(),
        name: group.name,
        systemKey: group.key,
        rights: [...group.rights],
        loginBarred: false,
      });
      created ||= inserted;
    }
    return created;
  }

  async create(tenantId: string, input: GroupInput): Promise<GroupChanged> {
    const rights = rightSet(input.rights);
    return this.dataSource.transaction(async (manager) => {
      const id = newId();
      const loginBarred = input.loginBarred ?? false;
      await this.groups.insert(manager, tenantId, { id, name: input.name, systemKey: null, rights, loginBarred });
      // Nobody is in a new group yet, so no cached decision changes; the version still records the change.
      const policy = await this.policy.bump(manager, tenantId, [], 'group.created');
      const group = (await this.groups.find(manager, tenantId, id))!;
      await this.audit.record(manager, tenantId, {
        action: 'group.created',
        resource: { type: 'group', id },
        before: null,
        after: groupValues(group),
      });
      return { group, policy };
    });
  }

  async update(tenantId: string, input: UpdateGroupData): Promise<GroupChanged> {
    const rights = input.rights === undefined ? undefined : rightSet(input.rights);
    return this.dataSource.transaction(async (manager) => {
      const group = await this.load(manager, tenantId, input.groupId, true);
      if (group.systemKey === 'administrator') {
        if (rights && rights.join() !== [...RIGHT_NAMES].sort().join()) {
          throw GroupErrors.systemRightsFixed('rights');
        }
        if (input.loginBarred === true) throw GroupErrors.systemRightsFixed('loginBarred');
      }
      await this.groups.update(manager, tenantId, group.id, {
        name: input.name,
        rights: group.systemKey === 'administrator' ? undefined : rights,
        loginBarred: input.loginBarred,
      });
      const members = await this.groups.memberIds(manager, tenantId, group.id);
      const policy = await this.policy.bump(manager, tenantId, members, 'group.updated');
      const updated = (await this.groups.find(manager, tenantId, group.id))!;
      await this.audit.record(manager, tenantId, {
        action: 'group.updated',
        resource: { type: 'group', id: group.id },
        before: groupValues(group),
        after: groupValues(updated),
      });
      return { group: updated, policy };
    });
  }

  async addMembers(tenantId: string, groupId: string, personIds: readonly string[]): Promise<GroupChanged> {
    const ids = [...new Set(personIds)];
    return this.dataSource.transaction(async (manager) => {
      const group = await this.load(manager, tenantId, groupId, true);
      const active = await this.persons.active(manager, tenantId, ids);
      const unknown = ids.filter((id) => !active.has(id));
      if (unknown.length > 0) throw GroupErrors.unknownPersons('personIds', unknown);
      const added = await this.groups.addMembers(manager, tenantId, group.id, ids);
      await this.membershipEvents.record(manager, tenantId, group, added, []);
      await this.audit.record(manager, tenantId, membershipChange(group.id, added, []));
      const policy = await this.policy.bump(manager, tenantId, added, 'group.members');
      return { group: (await this.groups.find(manager, tenantId, group.id))!, policy };
    });
  }

  async removeMembers(tenantId: string, groupId: string, personIds: readonly string[]): Promise<GroupChanged> {
    const ids = [...new Set(personIds)];
    return this.dataSource.transaction(async (manager) => {
      const group = await this.load(manager, tenantId, groupId, true);
      if (group.systemKey === 'administrator' && (await this.groups.countActiveMembers(manager, tenantId, group.id, ids)) === 0) {
        throw GroupErrors.lastAdministrator();
      }
      const removed = await this.groups.removeMembers(manager, tenantId, group.id, ids);
      await this.membershipEvents.record(manager, tenantId, group, [], removed);
      await this.audit.record(manager, tenantId, membershipChange(group.id, [], removed));
      const policy = await this.policy.bump(manager, tenantId, removed, 'group.members');
      return { group: (await this.groups.find(manager, tenantId, group.id))!, policy };
    });
  }

  private async load(manager: EntityManager, tenantId: string, groupId: string, lock = false): Promise<GroupView> {
    const group = await this.groups.find(manager, tenantId, groupId, lock);
    if (!group) throw GroupErrors.notFound();
    return group;
  }
}
