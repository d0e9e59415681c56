import type { AccessLevel, LevelSource, StatusCategory, WorkflowKind } from '@warden/contracts';

/** Pure per-status level rules (docs/rules.md#orders, and for tasks #tasks); no framework, no database. */

export const LEVEL_RANK: Record<AccessLevel, number> = { none: 0, view: 1, set: 2 };

export interface StatusFact {
  statusId: string;
  name: string;
  category: StatusCategory;
  archived: boolean;
  /** The kind of the status's workflow; absent means an order status. */
  kind?: WorkflowKind;
}

export interface GroupFact {
  id: string;
  name: string;
  systemKey: string | null;
  /** Explicit levels of this group by status id; a missing status means the group's default. */
  levels: Record<string, AccessLevel>;
}

export interface PersonLevelFacts {
  groups: GroupFact[];
  /** Personal overrides by status id. */
  overrides: Record<string, AccessLevel>;
  /** The personal "may change closed orders" flag, or null when never set. */
  mayChangeClosed: boolean | null;
}

/**
 * The level a group has when nobody set one. Task statuses: `set` for every group — everyone may
 * set every task status until someone restricts it (the transitions' grants decide who moves a
 * task; levels only narrow that). Order statuses: administrators may set every status; employees may
 * set every status except the final ones, which they only see — so out of the box only
 * administrators close orders (closed means checked and counted). Clients see every status (the
 * order rule still limits a client to its own orders; narrow it per status to hide, e.g., leads) and
 * may set the initial ones, which is what opening a ticket does (moving one needs `orders.update`,
 * which clients do not have); new groups see nothing until someone grants it.
 */
export function defaultGroupLevel(systemKey: string | null, category: StatusCategory, kind: WorkflowKind = 'order'): AccessLevel {
  if (kind === 'task') return 'set';
  if (systemKey === 'administrator') return 'set';
  if (systemKey === 'employee') return category === 'final' ? 'view' : 'set';
  if (systemKey === 'client') return category === 'initial' ? 'set' : 'view';
  return 'none';
}

export function groupLevel(group: GroupFact, status: StatusFact): { level: AccessLevel; explicit: boolean } {
  const explicit = group.levels[status.statusId];
  return explicit
    ? { level: explicit, explicit: true }
    : { level: defaultGroupLevel(group.systemKey, status.category, status.kind), explicit: false };
}

export interface EffectiveLevel {
  level: AccessLevel;
  source: LevelSource;
  override: AccessLevel | null;
  groupLevel: AccessLevel;
  /** A sentence for explain: where the level comes from. */
  detail: string;
}

/**
 * The personal override if any, else the highest level among the person's groups, else none — or,
 * for a task status, the task default `set` (a contact in no group may still move its tasks).
 */
export function effectiveLevel(status: StatusFact, facts: PersonLevelFacts): EffectiveLevel {
  let best: { level: AccessLevel; group: GroupFact; explicit: boolean } | null = null;
  for (const group of facts.groups) {
    const candidate = groupLevel(group, status);
    if (!best || LEVEL_RANK[candidate.level] > LEVEL_RANK[best.level]) best = { ...candidate, group };
  }
  const fromGroups = best?.level ?? (status.kind === 'task' ? 'set' : 'none');
  const override = facts.overrides[status.statusId] ?? null;
  if (override) {
    return {
      level: override,
      source: 'person',
      override,
      groupLevel: fromGroups,
      detail: `personal override '${override}' on '${status.name}'`,
    };
  }
  if (!best && status.kind === 'task') {
    return {
      level: 'set',
      source: 'default',
      override: null,
      groupLevel: 'set',
      detail: `default for task statuses: everyone may set '${status.name}'`,
    };
  }
  if (!best)
    return { level: 'none', source: 'default', override: null, groupLevel: 'none', detail: `no group gives a level on '${status.name}'` };
  return {
    level: best.level,
    source: best.explicit ? 'group' : 'default',
    override: null,
    groupLevel: best.level,
    detail: `group '${best.group.name}' has '${best.level}' on '${status.name}'${best.explicit ? '' : ' (default for the group)'}`,
  };
}

/** The personal flag if set; by default administrators may change closed orders and nobody else may. */
export function mayChangeClosed(facts: PersonLevelFacts): { allowed: boolean; explicit: boolean } {
  if (facts.mayChangeClosed !== null) return { allowed: facts.mayChangeClosed, explicit: true };
  return { allowed: facts.groups.some((group) => group.systemKey === 'administrator'), explicit: false };
}

export function atLeast(level: AccessLevel, required: AccessLevel): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[required];
}

/** The statuses whose orders the person sees (level `view` or more), in the order given. */
export function visibleStatusIds(statuses: readonly StatusFact[], facts: PersonLevelFacts): string[] {
  return statuses.filter((status) => atLeast(effectiveLevel(status, facts).level, 'view')).map((status) => status.statusId);
}
