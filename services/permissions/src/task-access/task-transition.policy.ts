import type { PersonKind, TaskRole, TransitionGrants } from '@warden/contracts';

/** Pure transition-grant rules of tasks (docs/rules.md#tasks); no framework, no database. Per-status levels: status-access/status-levels.policy.ts. */

/** Who is asking, as far as a transition's grants care. */
export interface GrantSubject {
  personId: string;
  /** Its roles in this task (empty when it does not take part). */
  roles: readonly TaskRole[];
  /** Employee or contact; null when nobody knows the person's kind. */
  kind: PersonKind | null;
  groups: ReadonlyArray<{ id: string; name: string }>;
}

export interface GrantMatch {
  allowed: boolean;
  /** `ALLOWED.TRANSITION_ROLE`, `ALLOWED.TRANSITION_GROUP`, `ALLOWED.TRANSITION_PERSON` or `TRANSITION.NOT_GRANTED`. */
  code: string;
  reason: string;
}

const ROLE_NAMES: Record<string, string> = { participant: 'any participant' };

export function describeGrants(grants: TransitionGrants, groupNames: ReadonlyMap<string, string> = new Map()): string {
  const parts = [
    ...grants.roles.map((grant) => `${ROLE_NAMES[grant.role] ?? grant.role}-${grant.kind === 'any' ? 'any kind' : grant.kind}`),
    ...grants.groupIds.map((id) => `group '${groupNames.get(id) ?? id}'`),
    ...(grants.personIds.length > 0 ? [`${grants.personIds.length} named ${grants.personIds.length === 1 ? 'person' : 'people'}`] : []),
  ];
  return parts.length === 0 ? 'nobody' : parts.join(', ');
}

export function describeSubject(subject: Pick<GrantSubject, 'roles' | 'kind'>): string {
  const kind = subject.kind ?? 'unknown kind';
  return subject.roles.length === 0
    ? `you do not take part in this task (${kind})`
    : `your roles here are ${subject.roles.join(', ')} (${kind})`;
}

/**
 * A transition is allowed when one grant matches: a (role, kind) pair the subject holds in this
 * task — `participant` matching any role, `any` matching both kinds —, or one of its groups, or
 * the subject named personally. The same role held by an employee and by a contact can therefore
 * be told apart: a firm lets only its client's auditor-contact approve a question, not its own
 * auditor-employee (e2e/tasks-law-firm.e2e-spec.ts).
 */
export function matchGrant(grants: TransitionGrants, subject: GrantSubject, transition: string): GrantMatch {
  const pair = grants.roles.find(
    (grant) =>
      (grant.role === 'participant' ? subject.roles.length > 0 : subject.roles.includes(grant.role)) &&
      (grant.kind === 'any' || grant.kind === subject.kind),
  );
  if (pair) {
    return {
      allowed: true,
      code: 'ALLOWED.TRANSITION_ROLE',
      reason: `${transition} is granted to ${ROLE_NAMES[pair.role] ?? pair.role}-${pair.kind === 'any' ? 'any kind' : pair.kind}; ${describeSubject(subject)}`,
    };
  }
  const group = subject.groups.find((candidate) => grants.groupIds.includes(candidate.id));
  if (group) return { allowed: true, code: 'ALLOWED.TRANSITION_GROUP', reason: `${transition} is granted to group '${group.name}'` };
  if (grants.personIds.includes(subject.personId)) {
    return { allowed: true, code: 'ALLOWED.TRANSITION_PERSON', reason: `${transition} is granted to this person by name` };
  }
  const groupNames = new Map(subject.groups.map((candidate) => [candidate.id, candidate.name]));
  return {
    allowed: false,
    code: 'TRANSITION.NOT_GRANTED',
    reason: `${transition} is granted to ${describeGrants(grants, groupNames)}; ${describeSubject(subject)}`,
  };
}
