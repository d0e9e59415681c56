import type { GrantKind, GrantRole, PersonKind, TaskRole, TransitionGrants } from '@warden/contracts';
import { matchGrant } from './task-transition.policy';
import type { GrantSubject } from './task-transition.policy';

const ROLES: GrantRole[] = ['assigner', 'assignee', 'auditor', 'participant'];
const KINDS: GrantKind[] = ['employee', 'contact', 'any'];
const HOLDERS: Array<[TaskRole, PersonKind]> = [
  ['assigner', 'employee'],
  ['assigner', 'contact'],
  ['assignee', 'employee'],
  ['assignee', 'contact'],
  ['auditor', 'employee'],
  ['auditor', 'contact'],
];

function grant(role: GrantRole, kind: GrantKind): TransitionGrants {
  return { roles: [{ role, kind }], groupIds: [], personIds: [] };
}

function subject(roles: TaskRole[], kind: PersonKind | null, groups: GrantSubject['groups'] = []): GrantSubject {
  return { personId: 'p-1', roles, kind, groups };
}

describe('task transition grants', () => {
  const table = HOLDERS.flatMap(([held, kind]) =>
    ROLES.flatMap((role) => KINDS.map((grantKind) => [held, kind, role, grantKind] as const)),
  );

  it.each(table)('%s-%s against a grant to %s-%s', (held, kind, role, grantKind) => {
    const expected = (role === 'participant' || role === held) && (grantKind === 'any' || grantKind === kind);
    const match = matchGrant(grant(role, grantKind), subject([held], kind), "'A' → 'B'");
    expect(match.allowed).toBe(expected);
    expect(match.code).toBe(expected ? 'ALLOWED.TRANSITION_ROLE' : 'TRANSITION.NOT_GRANTED');
    if (!expected) expect(match.reason).toContain(`your roles here are ${held} (${kind})`);
  });

  it('the law-firm case: auditor-contact allowed, the auditor-employee in the same role refused with the reason', () => {
    const grants = grant('auditor', 'contact');
    expect(matchGrant(grants, subject(['auditor'], 'contact'), 'X').allowed).toBe(true);
    const refused = matchGrant(grants, subject(['auditor'], 'employee'), "'Approval' → 'In progress'");
    expect(refused).toMatchObject({ allowed: false, code: 'TRANSITION.NOT_GRANTED' });
    expect(refused.reason).toBe("'Approval' → 'In progress' is granted to auditor-contact; your roles here are auditor (employee)");
  });

  it('several roles: any one matching grant is enough', () => {
    expect(matchGrant(grant('assignee', 'employee'), subject(['auditor', 'assignee'], 'employee'), 'X').allowed).toBe(true);
  });

  it('a non-participant matches no role grant, not even any participant', () => {
    const refused = matchGrant(grant('participant', 'any'), subject([], 'employee'), 'X');
    expect(refused.allowed).toBe(false);
    expect(refused.reason).toContain('you do not take part in this task');
  });

  it('groups and named people are granted whatever their roles', () => {
    const grants: TransitionGrants = { roles: [], groupIds: ['g-1'], personIds: ['p-2'] };
    expect(matchGrant(grants, subject([], 'employee', [{ id: 'g-1', name: 'Seniors' }]), 'X')).toMatchObject({
      allowed: true,
      code: 'ALLOWED.TRANSITION_GROUP',
    });
    expect(matchGrant(grants, { ...subject([], 'contact'), personId: 'p-2' }, 'X')).toMatchObject({
      allowed: true,
      code: 'ALLOWED.TRANSITION_PERSON',
    });
    expect(matchGrant(grants, subject(['auditor'], 'contact'), 'X').reason).toContain("group 'g-1', 1 named person");
  });

  it('a transition without grants is granted to nobody', () => {
    expect(matchGrant({ roles: [], groupIds: [], personIds: [] }, subject(['assigner'], 'employee'), 'X').reason).toContain(
      'granted to nobody',
    );
  });
});
