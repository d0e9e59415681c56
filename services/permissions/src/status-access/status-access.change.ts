import type { AccessLevel, StatusLevelInput } from '@warden/contracts';
import type { PersonLevelFacts } from './status-levels.policy';

/**
 * A status-access change applied to a person's level facts in memory, as the repository writes it
 * (status-access.repository.ts: a level is stored, null removes it; the flag likewise, undefined
 * leaves it): what the levels would be after `PUT …/status-access`, for the permission preview.
 */
function applied(levels: Readonly<Record<string, AccessLevel>>, inputs: readonly StatusLevelInput[]): Record<string, AccessLevel> {
  const next = { ...levels };
  for (const input of inputs) {
    if (input.level === null) delete next[input.statusId];
    else next[input.statusId] = input.level;
  }
  return next;
}

/** `PUT /staff/{id}/status-access` on the person itself. */
export function withPersonLevels<T extends PersonLevelFacts>(
  facts: T,
  levels: readonly StatusLevelInput[],
  flag: boolean | null | undefined,
): T {
  return { ...facts, overrides: applied(facts.overrides, levels), mayChangeClosed: flag === undefined ? facts.mayChangeClosed : flag };
}

/** `PUT /groups/{id}/status-access` seen by one member of that group. */
export function withGroupLevels<T extends PersonLevelFacts>(facts: T, groupId: string, levels: readonly StatusLevelInput[]): T {
  return {
    ...facts,
    groups: facts.groups.map((group) => (group.id === groupId ? { ...group, levels: applied(group.levels, levels) } : group)),
  };
}
