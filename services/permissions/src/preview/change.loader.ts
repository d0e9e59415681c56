import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BusClient } from '@warden/messaging';
import { RIGHT_NAMES } from '@warden/contracts';
import type {
  DepartmentChanges,
  DepartmentView,
  GroupChanges,
  GroupMembersChange,
  PersonIdRef,
  PersonStatusLevelsChange,
  PreviewKind,
  RequestContext,
  RightOverrideChange,
  StatusLevelsChange,
} from '@warden/contracts';
import { departmentViewers } from '../order-access/order-visibility.policy';
import type { ScopeFacts } from '../order-access/order-visibility.policy';
import { GroupErrors } from '../groups/groups.errors';
import { GroupsRepository } from '../groups/groups.repository';
import { rightSet } from '../groups/group-input';
import { requireKnownPerson } from '../persons/person.check';
import { PersonsRepository } from '../persons/persons.repository';
import { withGroupLevels, withPersonLevels } from '../status-access/status-access.change';
import { StatusAccessErrors } from '../status-access/status-access.errors';
import { StatusAccessRepository } from '../status-access/status-access.repository';
import { checkLevels } from '../status-access/status-levels.check';
import { withDepartment, withGroupJoined, withGroupLeft, withGroupUpdated, withOverride } from './person-facts.change';
import type { PreviewFacts } from './person-facts.change';
import { PreviewErrors } from './preview.errors';

/** A change as it reaches the people it touches: who, and their facts after it. */
export interface FactsChange {
  personIds: string[];
  apply: (facts: PreviewFacts) => PreviewFacts;
  /** A department change: the person's departments after it (the others keep theirs). */
  place?: (personId: string, scope: ScopeFacts) => ScopeFacts;
  /** A department change: the department as it would be (whose tasks its people see). */
  department?: DepartmentView;
}

/**
 * Reads a previewed change the way its real handler would before writing (status-access/, groups/,
 * overrides/ `*.handler.ts`; a department's, the directory's): the same target checks (404), the same checks of the body
 * (422) and of the state (409, the last administrator), with the same errors — then who it touches and
 * how their facts change in memory. Reads only. The body's shape was checked at the RPC boundary against
 * the class of its kind (PreviewData in libs/contracts/src/rpc/permission-preview.rpc.ts), as the change's own.
 */
@Injectable()
export class PreviewChangeLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: BusClient,
    private readonly levels: StatusAccessRepository,
    private readonly groups: GroupsRepository,
    private readonly persons: PersonsRepository,
  ) {}

  async load(ctx: RequestContext, kind: PreviewKind, targetId: string, change: object): Promise<FactsChange> {
    const tenantId = ctx.tenantId;
    switch (kind) {
      case 'person-status-access':
        return this.personStatusAccess(tenantId, targetId, change as PersonStatusLevelsChange);
      case 'group-status-access':
        return this.groupStatusAccess(tenantId, targetId, change as StatusLevelsChange);
      case 'group-members-add':
        return this.membersAdded(tenantId, targetId, (change as GroupMembersChange).personIds);
      case 'group-member-remove':
        return this.memberRemoved(tenantId, targetId, (change as PersonIdRef).personId);
      case 'group':
        return this.groupUpdated(tenantId, targetId, change as GroupChanges);
      case 'person-right':
        return this.personRight(tenantId, targetId, change as RightOverrideChange);
      case 'department':
        return this.department(ctx, targetId, change as DepartmentChanges);
      default:
        throw PreviewErrors.kindNotSupported(kind);
    }
  }

  private async personStatusAccess(tenantId: string, targetId: string, body: PersonStatusLevelsChange): Promise<FactsChange> {
    await checkLevels(this.levels, tenantId, body.levels);
    const apply = (facts: PreviewFacts): PreviewFacts => ({
      ...facts,
      levels: withPersonLevels(facts.levels, body.levels, body.mayChangeClosed),
    });
    return { personIds: [targetId], apply };
  }

  private async groupStatusAccess(tenantId: string, targetId: string, body: StatusLevelsChange): Promise<FactsChange> {
    if (!(await this.levels.group(tenantId, targetId))) throw StatusAccessErrors.groupNotFound();
    await checkLevels(this.levels, tenantId, body.levels);
    const personIds = await this.levels.groupMemberIds(this.dataSource.manager, tenantId, targetId);
    return { personIds, apply: (facts) => ({ ...facts, levels: withGroupLevels(facts.levels, targetId, body.levels) }) };
  }

  /** As groups/add-group-members.handler.ts: known group, active people; members already in stay as they are. */
  private async membersAdded(tenantId: string, targetId: string, personIds: readonly string[]): Promise<FactsChange> {
    const ids = [...new Set(personIds)];
    const { rights, levels } = await this.group(tenantId, targetId);
    const active = await this.persons.active(this.dataSource.manager, tenantId, ids);
    const unknown = ids.filter((id) => !active.has(id));
    if (unknown.length > 0) throw GroupErrors.unknownPersons('personIds', unknown);
    return { personIds: ids, apply: (facts) => withGroupJoined(facts, levels, rights) };
  }

  /** As groups/remove-group-members.handler.ts: the Administrator group keeps an active member (409). */
  private async memberRemoved(tenantId: string, targetId: string, personId: string): Promise<FactsChange> {
    const ids = [personId];
    const manager = this.dataSource.manager;
    const { view } = await this.group(tenantId, targetId);
    if (view.systemKey === 'administrator' && (await this.groups.countActiveMembers(manager, tenantId, view.id, ids)) === 0) {
      throw GroupErrors.lastAdministrator();
    }
    const members = new Set(await this.groups.memberIds(manager, tenantId, view.id));
    return { personIds: ids.filter((id) => members.has(id)), apply: (facts) => withGroupLeft(facts, view.id) };
  }

  /** As groups/update-group.handler.ts: the name checked (422, 409 when taken), the Administrator group's rights and login fixed. */
  private async groupUpdated(tenantId: string, targetId: string, body: GroupChanges): Promise<FactsChange> {
    const { name } = body;
    const rights = body.rights === undefined ? undefined : rightSet(body.rights);
    const manager = this.dataSource.manager;
    const { view } = await this.group(tenantId, targetId);
    if (view.systemKey === 'administrator') {
      if (rights && rights.join() !== [...RIGHT_NAMES].sort().join()) throw GroupErrors.systemRightsFixed('rights');
      if (body.loginBarred === true) throw GroupErrors.systemRightsFixed('loginBarred');
    }
    if (name !== undefined) {
      const taken = (await this.groups.list(manager, tenantId)).some(
        (group) => group.id !== view.id && group.name.toLowerCase() === name.toLowerCase(),
      );
      if (taken) throw GroupErrors.nameTaken(name);
    }
    const personIds = await this.groups.memberIds(manager, tenantId, view.id);
    const next = { rights: view.systemKey === 'administrator' ? undefined : rights, loginBarred: body.loginBarred };
    return { personIds, apply: (facts) => withGroupUpdated(facts, view.id, next) };
  }

  /** As overrides/set-override.handler.ts: the person must be known here (404). */
  private async personRight(tenantId: string, targetId: string, body: RightOverrideChange): Promise<FactsChange> {
    await requireKnownPerson(this.persons, this.dataSource.manager, tenantId, targetId);
    return { personIds: [targetId], apply: (facts) => withOverride(facts, body.right, body.effect) };
  }

  /**
   * As directory/.../update-department.handler.ts, which the directory runs without writing (the same 422, 404, 409):
   * whoever is a member or the head before or after. Those who join or leave see the department's orders or stop;
   * everyone of them may see other tasks (`tasks.read-department` follows the department's people).
   */
  private async department(ctx: RequestContext, departmentId: string, body: DepartmentChanges): Promise<FactsChange> {
    const { before, after } = await this.bus.request('directory.departments.update-preview', ctx, { departmentId, changes: body });
    const viewers = departmentViewers(after);
    const personIds = [...new Set([...departmentViewers(before), ...viewers])];
    return {
      personIds,
      apply: (facts) => facts,
      place: (personId, scope) => withDepartment(scope, personId, departmentId, viewers),
      department: after,
    };
  }

  /** The group (404 as its routes answer) in the shapes of both rule sets. */
  private async group(tenantId: string, groupId: string) {
    const manager = this.dataSource.manager;
    const [view, levels] = await Promise.all([this.groups.find(manager, tenantId, groupId), this.levels.group(tenantId, groupId, manager)]);
    if (!view || !levels) throw GroupErrors.notFound();
    return { view, levels, rights: { id: view.id, name: view.name, rights: view.rights, loginBarred: view.loginBarred } };
  }
}
