import { isRight, RIGHTS } from '@warden/contracts';
import type { DecisionStep, Right } from '@warden/contracts';

/** What the decision rules know about a person; loaded in one query by CheckRepository. */
export interface PersonFacts {
  /** False when the person is not (yet) known to permissions in this tenant. */
  known: boolean;
  deleted: boolean;
  groups: ReadonlyArray<{ id: string; name: string; rights: readonly string[]; loginBarred: boolean }>;
  overrides: ReadonlyArray<{ right: string; effect: 'allow' | 'deny' }>;
}

export interface Verdict {
  allowed: boolean;
  code: string;
  reason: string;
  steps: DecisionStep[];
}

const LOGIN: Right = 'auth.login';

function verdict(allowed: boolean, code: string, reason: string, steps: DecisionStep[]): Verdict {
  return { allowed, code, reason, steps };
}

function names(groups: PersonFacts['groups']): string {
  return groups.length === 0 ? 'none' : groups.map((group) => `'${group.name}'`).join(', ');
}

/** Only people permissions knows and who are not deleted can be allowed anything. */
export function evaluatePerson(facts: Pick<PersonFacts, 'known' | 'deleted'>, steps: DecisionStep[]): Verdict | null {
  if (!facts.known) {
    steps.push({ rule: 'person.active', effect: 'deny', detail: 'The person is not known in this tenant' });
    return verdict(false, 'PERSON.UNKNOWN', 'The person is not known in this tenant', steps);
  }
  if (facts.deleted) {
    steps.push({ rule: 'person.active', effect: 'deny', detail: 'The person has been deleted' });
    return verdict(false, 'PERSON.DELETED', 'The person has been deleted', steps);
  }
  steps.push({ rule: 'person.active', effect: 'none', detail: 'The person exists and is not deleted' });
  return null;
}

/**
 * A right of the catalog, in this order: a personal deny wins; for `auth.login` any barred group
 * of the person refuses (even when another group or a personal allow grants it — barring a group
 * takes login away from all its members); then a personal allow; then the groups' rights.
 */
export function evaluateRight(right: Right, facts: PersonFacts, steps: DecisionStep[]): Verdict {
  const override = facts.overrides.find((candidate) => candidate.right === right);
  if (override?.effect === 'deny') {
    steps.push({ rule: 'override.personal', effect: 'deny', detail: `'${right}' is denied to this person personally` });
    return verdict(false, 'RIGHT.DENIED_PERSONALLY', `The right '${right}' is denied to this person personally`, steps);
  }
  if (right === LOGIN) {
    const barred = facts.groups.filter((group) => group.loginBarred);
    if (barred.length > 0) {
      steps.push({ rule: 'group.login-barred', effect: 'deny', detail: `Group(s) ${names(barred)} are barred from logging in` });
      return verdict(false, 'LOGIN.GROUP_BARRED', `Group '${barred[0]!.name}' is barred from logging in`, steps);
    }
    steps.push({ rule: 'group.login-barred', effect: 'none', detail: 'No group of the person is barred from logging in' });
  }
  if (override?.effect === 'allow') {
    steps.push({ rule: 'override.personal', effect: 'allow', detail: `'${right}' is granted to this person personally` });
    return verdict(true, 'ALLOWED.PERSONAL_OVERRIDE', `The right '${right}' is granted to this person personally`, steps);
  }
  steps.push({ rule: 'override.personal', effect: 'none', detail: `No personal override for '${right}'` });
  const granting = facts.groups.filter((group) => group.rights.includes(right));
  if (granting.length > 0) {
    steps.push({ rule: 'group.rights', effect: 'allow', detail: `Granted by group(s) ${names(granting)}` });
    return verdict(true, 'ALLOWED.GROUP', `The right '${right}' is granted by group '${granting[0]!.name}'`, steps);
  }
  steps.push({ rule: 'group.rights', effect: 'deny', detail: `None of the person's groups (${names(facts.groups)}) grants '${right}'` });
  return verdict(
    false,
    'RIGHT.NOT_GRANTED',
    `The right '${right}' (${RIGHTS[right].replace(/\.$/, '').toLowerCase()}) is not granted to this person: none of its groups (${names(facts.groups)}) has it and there is no personal grant`,
    steps,
  );
}

/** Several rights one after the other (libs/contracts/src/resource-actions.ts): the first refusal, else the last grant. */
export function evaluateRights(rights: readonly [Right, ...Right[]], facts: PersonFacts, steps: DecisionStep[]): Verdict {
  let granted = evaluateRight(rights[0], facts, steps);
  for (const right of rights.slice(1)) {
    if (!granted.allowed) break;
    granted = evaluateRight(right, facts, steps);
  }
  return granted;
}

/** Person and right together, for an action without a resource. */
export function decideRight(action: string, facts: PersonFacts): Verdict {
  const steps: DecisionStep[] = [];
  const refused = evaluatePerson(facts, steps);
  if (refused) return refused;
  if (!isRight(action)) {
    steps.push({ rule: 'action.known', effect: 'deny', detail: `'${action}' is not a right of the catalog and no resource was given` });
    return verdict(false, 'ACTION.UNKNOWN', `'${action}' is not a known action`, steps);
  }
  return evaluateRight(action, facts, steps);
}

/** The rights a person effectively has (for the employee card), by the same rules. */
export function effectiveRights(facts: PersonFacts): Right[] {
  return (Object.keys(RIGHTS) as Right[]).filter((right) => decideRight(right, facts).allowed);
}
