import type { EventBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import type { GroupRef, OutgoingEvent, PersonKind, PolicyChange } from '@warden/contracts';
import type { PersonsRepository } from '../persons/persons.repository';
import type { PolicyVersions } from '../policy/policy-versions';
import { groupMembershipChanged } from './group.events';
import { GroupErrors } from './groups.errors';
import type { GroupsRepository } from './groups.repository';

/** What a membership change writes through: groups, the persons read model, the policy version and the outbox. */
export interface MembershipWriters {
  groups: GroupsRepository;
  persons: PersonsRepository;
  policy: PolicyVersions;
  events: EventBus<OutgoingEvent>;
}

export interface MembershipsSet {
  groups: GroupRef[];
  policy: PolicyChange;
}

/** Announces who joined or left a group, in the transaction that changed it; nothing when nobody did. */
export async function announceMembership(
  events: EventBus<OutgoingEvent>,
  manager: EntityManager,
  tenantId: string,
  group: { id: string; name: string },
  added: readonly string[],
  removed: readonly string[],
): Promise<void> {
  if (added.length === 0 && removed.length === 0) return;
  await events.publish(groupMembershipChanged(tenantId, group, added, removed), manager);
}

/**
 * Makes the person's groups exactly `groupIds` (none = the tenant's Employee group) and records the
 * person in the read model, so a check right after this call already knows them. `strict` (identity's
 * synchronous call) refuses unknown groups; `lenient` (events) skips them, since an event cannot be refused.
 */
export async function applyMemberships(
  manager: EntityManager,
  { groups, persons, policy, events }: MembershipWriters,
  tenantId: string,
  personId: string,
  groupIds: readonly string[],
  kind: PersonKind,
  mode: 'strict' | 'lenient',
): Promise<MembershipsSet> {
  await policy.serialize(manager, tenantId);
  const newcomer = await persons.ensure(manager, tenantId, personId, kind);
  let targets = await groups.findMany(manager, tenantId, groupIds);
  const unknown = groupIds.filter((id) => !targets.some((group) => group.id === id));
  if (unknown.length > 0 && mode === 'strict') throw GroupErrors.unknownGroups('groupIds', unknown);
  if (targets.length === 0) {
    await groups.ensureDefaultGroups(manager, tenantId);
    targets = [(await groups.findBySystemKey(manager, tenantId, 'employee'))!];
  }
  const current = (await groups.groupsOf(manager, tenantId, [personId]))[personId] ?? [];
  const leaving = current.filter((group) => !targets.some((target) => target.id === group.id));
  const joining = targets.filter((target) => !current.some((group) => group.id === target.id));
  const administrator = await groups.findBySystemKey(manager, tenantId, 'administrator', leaving.length > 0);
  if (
    administrator &&
    leaving.some((group) => group.id === administrator.id) &&
    (await groups.countActiveMembers(manager, tenantId, administrator.id, [personId])) === 0
  ) {
    throw GroupErrors.lastAdministrator();
  }
  for (const group of leaving) {
    await groups.removeMembers(manager, tenantId, group.id, [personId]);
    await announceMembership(events, manager, tenantId, group, [], [personId]);
  }
  for (const group of joining) {
    await groups.addMembers(manager, tenantId, group.id, [personId]);
    await announceMembership(events, manager, tenantId, group, [personId], []);
  }
  // A repeated call (the event after the RPC) changes nothing and announces nothing.
  const changed = newcomer || leaving.length > 0 || joining.length > 0;
  const change = changed
    ? await policy.bump(manager, tenantId, [personId], 'person.groups')
    : { policyVersion: await policy.current(manager, tenantId), affectedPersonIds: [] };
  const named = targets.map((group) => ({ id: group.id, name: group.name })).sort((a, b) => a.name.localeCompare(b.name));
  return { groups: named, policy: change };
}
