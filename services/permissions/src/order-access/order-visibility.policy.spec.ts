import type { DecisionStep } from '@warden/contracts';
import { checkPlacement, checkTransferTarget, scopeOf } from './order-visibility.policy';
import type { OrderPlacement, ScopeFacts } from './order-visibility.policy';

const ME = 'p-me';
const IT = 'd-it';
const ACCOUNTING = 'd-acc';
const ACME = 'c-acme';

function employee(overrides: Partial<ScopeFacts> = {}): ScopeFacts {
  return {
    kind: 'employee',
    departmentIds: [IT],
    managedCompanyIds: [],
    companyId: null,
    allDepartments: { allowed: false, reason: 'not granted' },
    ...overrides,
  };
}

function order(overrides: Partial<OrderPlacement> = {}): OrderPlacement {
  return { departmentId: null, clientContactId: null, clientCompanyId: null, ...overrides };
}

function decide(placement: OrderPlacement, facts: ScopeFacts): { failure: string | null; steps: string[] } {
  const steps: DecisionStep[] = [];
  const failure = checkPlacement(ME, placement, facts, steps);
  return { failure: failure?.code ?? null, steps: steps.map((step) => `${step.rule}:${step.effect}`) };
}

describe('order visibility: departments and clients', () => {
  it.each([
    ['no department', order(), employee(), null],
    ['its department', order({ departmentId: IT }), employee(), null],
    ['another department', order({ departmentId: ACCOUNTING }), employee(), 'ORDER.OTHER_DEPARTMENT'],
    [
      'another department with departments.all',
      order({ departmentId: ACCOUNTING }),
      employee({ allDepartments: { allowed: true, reason: 'group' } }),
      null,
    ],
    [
      'another department of a company it manages',
      order({ departmentId: ACCOUNTING, clientCompanyId: ACME }),
      employee({ managedCompanyIds: [ACME] }),
      null,
    ],
    [
      'another department of a company it does not manage',
      order({ departmentId: ACCOUNTING, clientCompanyId: 'c-other' }),
      employee({ managedCompanyIds: [ACME] }),
      'ORDER.OTHER_DEPARTMENT',
    ],
  ] as const)('an employee and an order in %s', (_name, placement, facts, expected) => {
    expect(decide(placement, facts).failure).toBe(expected);
  });

  it('a contact sees only the orders whose client it is, whatever the department', () => {
    const contact = employee({ kind: 'contact', departmentIds: [], allDepartments: { allowed: true, reason: 'even with the right' } });
    expect(decide(order({ clientContactId: ME, departmentId: ACCOUNTING }), contact)).toEqual({
      failure: null,
      steps: ['order.client-contact:allow'],
    });
    expect(decide(order({ clientContactId: 'p-other', clientCompanyId: ACME }), contact).failure).toBe('ORDER.NOT_OWN');
    expect(decide(order(), contact).failure).toBe('ORDER.NOT_OWN');
  });

  it("a contact that is its company's client manager sees every order of its company, and no other company's", () => {
    const manager = employee({ kind: 'contact', departmentIds: [], companyId: ACME, managedCompanyIds: [ACME] });
    expect(decide(order({ clientContactId: 'p-colleague', clientCompanyId: ACME }), manager)).toEqual({
      failure: null,
      steps: ['order.client-manager:allow'],
    });
    expect(decide(order({ clientContactId: 'p-other', clientCompanyId: 'c-other' }), manager).failure).toBe('ORDER.NOT_OWN');
    // Moved to another company: the old one's orders go with the move, whatever the read model still says.
    const moved = { ...manager, companyId: 'c-other' };
    expect(decide(order({ clientContactId: 'p-colleague', clientCompanyId: ACME }), moved).failure).toBe('ORDER.NOT_OWN');
    expect(scopeOf(ME, manager)).toEqual({ departmentIds: 'all', contactId: ME, managedCompanyIds: [ACME] });
    expect(scopeOf(ME, moved)).toEqual({ departmentIds: 'all', contactId: ME, managedCompanyIds: [] });
  });

  it('explains a refusal with the department and the client-manager steps', () => {
    expect(decide(order({ departmentId: ACCOUNTING }), employee()).steps).toEqual(['order.department:none', 'order.client-manager:deny']);
  });

  describe('transfer target', () => {
    const anywhere = { allowed: true, reason: 'personal grant' };
    const nowhere = { allowed: false, reason: 'not granted' };
    const target = (departmentId: string, facts: ScopeFacts, right: { allowed: boolean; reason: string }) =>
      checkTransferTarget(departmentId, facts, right, [])?.code ?? null;

    it('a department the person sees is allowed', () => {
      expect(target(IT, employee(), nowhere)).toBeNull();
      expect(target(ACCOUNTING, employee({ allDepartments: { allowed: true, reason: 'group' } }), nowhere)).toBeNull();
    });

    it("another department needs 'orders.transfer-anywhere'", () => {
      expect(target(ACCOUNTING, employee(), nowhere)).toBe('ORDER.TRANSFER_TARGET_NOT_VISIBLE');
      expect(target(ACCOUNTING, employee(), anywhere)).toBeNull();
    });

    it('contacts never move orders between departments', () => {
      expect(target(IT, employee({ kind: 'contact' }), anywhere)).toBe('ORDER.TRANSFER_NOT_ALLOWED');
    });
  });

  it('the list scope is the same rule', () => {
    expect(scopeOf(ME, employee({ managedCompanyIds: [ACME] }))).toEqual({
      departmentIds: [IT],
      contactId: null,
      managedCompanyIds: [ACME],
    });
    expect(scopeOf(ME, employee({ allDepartments: { allowed: true, reason: 'group' } }))).toMatchObject({
      departmentIds: 'all',
      contactId: null,
    });
    expect(scopeOf(ME, employee({ kind: 'contact' }))).toEqual({ departmentIds: 'all', contactId: ME, managedCompanyIds: [] });
  });
});
