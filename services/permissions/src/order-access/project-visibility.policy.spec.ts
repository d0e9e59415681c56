import type { DecisionStep } from '@warden/contracts';
import type { ScopeFacts } from './order-visibility.policy';
import { checkParticipant, checkProject, checkTemplate, projectScopeOf } from './project-visibility.policy';

const ME = 'p-me';
const ACME = 'c-acme';
const GLOBEX = 'c-globex';

function facts(overrides: Partial<ScopeFacts> = {}): ScopeFacts {
  return {
    kind: 'contact',
    departmentIds: [],
    managedCompanyIds: [],
    companyId: ACME,
    allDepartments: { allowed: false, reason: 'not granted' },
    ...overrides,
  };
}

function project(counterpartyCompanyId: string | null, auditorIds: string[] = []) {
  return { counterpartyCompanyId, auditorIds };
}

describe("a client's projects and templates", () => {
  it.each([
    ['its company is the counterparty', project(ACME), facts(), null],
    ['another company is the counterparty', project(GLOBEX), facts(), 'PROJECT.NOT_OWN'],
    ['another company is the counterparty but it audits the project', project(GLOBEX, [ME]), facts(), null],
    ['no counterparty, not an auditor', project(null, ['p-other']), facts(), 'PROJECT.NOT_OWN'],
    ['no company of its own: only what it audits', project(null), facts({ companyId: null }), 'PROJECT.NOT_OWN'],
    ['an employee', project(GLOBEX), facts({ kind: 'employee', companyId: null }), null],
  ] as const)('a project: %s', (_name, placement, person, expected) => {
    const steps: DecisionStep[] = [];
    expect(checkProject(ME, placement, person, steps)?.code ?? null).toBe(expected);
    expect(steps).toEqual([expect.objectContaining({ rule: 'project.client', effect: expected ? 'deny' : 'allow' })]);
  });

  it.each([
    ['names no contact (a form of the firm)', [], facts(), null],
    ['names the contact itself', [{ contactId: ME, companyId: ACME }], facts(), null],
    ['names a colleague of its company', [{ contactId: 'p-colleague', companyId: ACME }], facts(), null],
    ['names a contact of another company', [{ contactId: 'p-gus', companyId: GLOBEX }], facts(), 'TEMPLATE.NOT_OWN'],
    ['names a contact without a company', [{ contactId: 'p-loner', companyId: null }], facts(), 'TEMPLATE.NOT_OWN'],
    [
      'names a contact, the viewer has no company',
      [{ contactId: 'p-loner', companyId: null }],
      facts({ companyId: null }),
      'TEMPLATE.NOT_OWN',
    ],
    ['names anyone, the viewer is an employee', [{ contactId: 'p-gus', companyId: GLOBEX }], facts({ kind: 'employee' }), null],
  ] as const)('a template that %s', (_name, named, person, expected) => {
    expect(checkTemplate(ME, named, person, [])?.code ?? null).toBe(expected);
  });

  it('the list scope is the same rule', () => {
    expect(projectScopeOf(ME, facts({ kind: 'employee' }), [])).toEqual({ contactId: null, companyId: null, companyContactIds: [] });
    expect(projectScopeOf(ME, facts(), ['p-colleague', ME])).toEqual({
      contactId: ME,
      companyId: ACME,
      companyContactIds: [ME, 'p-colleague'],
    });
    expect(projectScopeOf(ME, facts({ companyId: null }), [])).toEqual({ contactId: ME, companyId: null, companyContactIds: [ME] });
  });
});

describe('whom a client may name on its task', () => {
  it.each([
    ['an employee', { personId: 'p-emp', kind: 'employee', companyId: null }, facts(), null],
    ['itself', { personId: ME, kind: 'contact', companyId: ACME }, facts(), null],
    ['a colleague of its company', { personId: 'p-colleague', kind: 'contact', companyId: ACME }, facts(), null],
    ['a contact of another company', { personId: 'p-gus', kind: 'contact', companyId: GLOBEX }, facts(), 'TASK.PARTICIPANT_OTHER_CLIENT'],
    ['a contact without a company', { personId: 'p-loner', kind: 'contact', companyId: null }, facts(), 'TASK.PARTICIPANT_OTHER_CLIENT'],
    ['anyone, as an employee', { personId: 'p-gus', kind: 'contact', companyId: GLOBEX }, facts({ kind: 'employee' }), null],
  ] as const)('%s', (_name, target, person, expected) => {
    expect(checkParticipant(ME, target, person, [])?.code ?? null).toBe(expected);
  });
});
