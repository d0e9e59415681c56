import type { EntityManager } from 'typeorm';
import type { GroupView, PolicyChange } from '@warden/contracts';
import { GroupErrors } from './groups.errors';
import type { GroupsRepository } from './groups.repository';

/** What a change of a group answers: the group after it and the policy version it made. */
export interface GroupChanged {
  group: GroupView;
  policy: PolicyChange;
}

/** The group of the tenant, or GROUP.NOT_FOUND; `lock` holds its row so membership changes of one group queue up. */
export async function existingGroup(
  groups: GroupsRepository,
  manager: EntityManager,
  tenantId: string,
  groupId: string,
  lock = false,
): Promise<GroupView> {
  const group = await groups.find(manager, tenantId, groupId, lock);
  if (!group) throw GroupErrors.notFound();
  return group;
}
