import type { Right } from '@warden/contracts';
import type { PersonFacts } from '../check/decision.policy';
import type { ScopeFacts } from '../order-access/order-visibility.policy';
import type { GroupFact, PersonLevelFacts } from '../status-access/status-levels.policy';

/** A person's facts as the real checks read them: levels (status-access) and rights (check.repository.ts). */
export interface PreviewFacts<R extends PersonFacts = PersonFacts, L extends PersonLevelFacts = PersonLevelFacts> {
  levels: L;
  rights: R;
}

/** A group as the right rules see it (check.repository.ts: the Administrator group holds the whole catalog). */
export type GroupRights = PersonFacts['groups'][number];

/**
 * Group and right changes applied to one person's facts in memory, as the repositories write them
 * (groups.repository.ts, overrides/set-override.handler.ts): what the facts would be after the change, for the
 * permission preview. Nothing here reads or writes anything.
 */

/** `POST /groups/{id}/members`: the person joins, with the group's levels and rights; a member stays as is. */
export function withGroupJoined<F extends PreviewFacts>(facts: F, levels: GroupFact, rights: GroupRights): F {
  if (facts.rights.groups.some((group) => group.id === rights.id)) return facts;
  return {
    ...facts,
    levels: { ...facts.levels, groups: [...facts.levels.groups, levels] },
    rights: { ...facts.rights, groups: [...facts.rights.groups, rights] },
  };
}

/** `DELETE /groups/{id}/members/{personId}`: the person leaves; no longer a member, nothing changes. */
export function withGroupLeft<F extends PreviewFacts>(facts: F, groupId: string): F {
  return {
    ...facts,
    levels: { ...facts.levels, groups: facts.levels.groups.filter((group) => group.id !== groupId) },
    rights: { ...facts.rights, groups: facts.rights.groups.filter((group) => group.id !== groupId) },
  };
}

/** `PATCH /groups/{id}` seen by one member: new rights (replacing them) and/or login bar; undefined leaves as is. */
export function withGroupUpdated<F extends PreviewFacts>(
  facts: F,
  groupId: string,
  change: { rights?: readonly Right[]; loginBarred?: boolean },
): F {
  const groups = facts.rights.groups.map((group) =>
    group.id === groupId
      ? { ...group, rights: change.rights ?? group.rights, loginBarred: change.loginBarred ?? group.loginBarred }
      : group,
  );
  return { ...facts, rights: { ...facts.rights, groups } };
}

/** `PUT /staff/{id}/rights`: the personal override of one right set (`allow`, `deny`) or removed (null). */
export function withOverride<F extends PreviewFacts>(facts: F, right: Right, effect: 'allow' | 'deny' | null): F {
  const overrides = facts.rights.overrides.filter((override) => override.right !== right);
  return { ...facts, rights: { ...facts.rights, overrides: effect === null ? overrides : [...overrides, { right, effect }] } };
}

/**
 * `PATCH /departments/{id}` seen by one person: a member or the head of the department after it (`viewers`, as
 * departmentViewers decides) has it among its departments, anyone else does not — as the read model
 * (directory-events.consumer.ts) will hold it. Kept in the read model's order (by id); no change, the same facts.
 */
export function withDepartment(scope: ScopeFacts, personId: string, departmentId: string, viewers: readonly string[]): ScopeFacts {
  const inside = viewers.includes(personId);
  if (scope.departmentIds.includes(departmentId) === inside) return scope;
  const departmentIds = inside ? [...scope.departmentIds, departmentId].sort() : scope.departmentIds.filter((id) => id !== departmentId);
  return { ...scope, departmentIds };
}
