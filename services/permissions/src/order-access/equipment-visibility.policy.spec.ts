import type { DecisionStep } from '@warden/contracts';
import { checkEquipment } from './equipment-visibility.policy';
import type { ScopeFacts } from './order-visibility.policy';

const ACME = 'c-acme';
const GLOBEX = 'c-globex';
const GRANTED = { allowed: true, code: 'ALLOWED.GROUP', reason: 'granted' };
const MISSING = { allowed: false, code: 'RIGHT.NOT_GRANTED', reason: 'not granted' };

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

describe("who reads a company's equipment", () => {
  it.each([
    ["a contact, its own company's", ACME, facts(), MISSING, null, 'equipment.client'],
    ["a contact, another company's", GLOBEX, facts(), MISSING, 'EQUIPMENT.NOT_OWN', 'equipment.client'],
    ['a contact without a company', ACME, facts({ companyId: null }), GRANTED, 'EQUIPMENT.NOT_OWN', 'equipment.client'],
    [
      "an employee with 'directory.read', any company's",
      GLOBEX,
      facts({ kind: 'employee', companyId: null }),
      GRANTED,
      null,
      'equipment.directory',
    ],
    [
      "an employee without 'directory.read'",
      ACME,
      facts({ kind: 'employee', companyId: null }),
      MISSING,
      'RIGHT.NOT_GRANTED',
      'equipment.directory',
    ],
  ] as const)('%s', (_name, companyId, person, directoryRead, expected, rule) => {
    const steps: DecisionStep[] = [];
    expect(checkEquipment(companyId, person, directoryRead, steps)?.code ?? null).toBe(expected);
    expect(steps).toEqual([expect.objectContaining({ rule, effect: expected ? 'deny' : 'allow' })]);
  });
});
