import { evaluateContactCondition } from './automation-contact-condition.policy';
import type { AutomationContactFacts } from './automation-contact-condition.policy';
import { evaluateAutomationConditions, needsContact } from './automation-conditions.policy';

const KATE = '01900000-0000-7000-8000-00000000000a';
const NORTH = '01900000-0000-7000-8000-00000000000b';
const contact: AutomationContactFacts = {
  email: 'Runner@Acme.example',
  emailIsPlaceholder: false,
  phone: null,
  firstName: 'Road',
  lastName: 'Runner',
  middleName: null,
  status: 'active',
  branchId: NORTH,
  responsibleEmployeeId: KATE,
};

describe('evaluateContactCondition', () => {
  it('text compares without regard to case: equals, not-equals, contains', () => {
    expect(evaluateContactCondition({ field: 'email', operator: 'equals', value: 'runner@acme.EXAMPLE' }, contact).holds).toBe(true);
    expect(evaluateContactCondition({ field: 'email', operator: 'not-equals', value: 'runner@acme.example' }, contact).holds).toBe(false);
    expect(evaluateContactCondition({ field: 'email', operator: 'contains', value: '@ACME.' }, contact)).toEqual({
      condition: 'contactFields',
      holds: true,
      detail: "The client contact's email 'Runner@Acme.example' passes the test email contains '@ACME.'",
    });
    expect(evaluateContactCondition({ field: 'lastName', operator: 'contains', value: 'coyote' }, contact).holds).toBe(false);
  });

  it('present and absent: a missing phone, a placeholder email and an empty first name count as none', () => {
    expect(evaluateContactCondition({ field: 'phone', operator: 'absent' }, contact).holds).toBe(true);
    expect(evaluateContactCondition({ field: 'phone', operator: 'present' }, contact)).toEqual({
      condition: 'contactFields',
      holds: false,
      detail: "The client contact's phone none fails the test phone present",
    });
    const placeholder = { ...contact, email: 'tg-42@placeholder.invalid', emailIsPlaceholder: true, firstName: '' };
    expect(evaluateContactCondition({ field: 'email', operator: 'absent' }, placeholder).holds).toBe(true);
    expect(evaluateContactCondition({ field: 'email', operator: 'contains', value: 'placeholder' }, placeholder).holds).toBe(false);
    expect(evaluateContactCondition({ field: 'firstName', operator: 'present' }, placeholder).holds).toBe(false);
  });

  it('a field the contact lacks is not equal to any value, and differs from every one', () => {
    expect(evaluateContactCondition({ field: 'middleName', operator: 'equals', value: 'Q' }, contact).holds).toBe(false);
    expect(evaluateContactCondition({ field: 'middleName', operator: 'not-equals', value: 'Q' }, contact).holds).toBe(true);
  });

  it('ids and the status take exact values', () => {
    expect(evaluateContactCondition({ field: 'responsibleEmployeeId', operator: 'equals', value: KATE }, contact).holds).toBe(true);
    expect(evaluateContactCondition({ field: 'branchId', operator: 'not-equals', value: KATE }, contact).holds).toBe(true);
    expect(evaluateContactCondition({ field: 'status', operator: 'equals', value: 'blocked' }, contact).holds).toBe(false);
    // `contains` is refused for an id when the rule is saved; were one stored, it would hold for nothing.
    expect(evaluateContactCondition({ field: 'branchId', operator: 'contains', value: NORTH.slice(0, 8) }, contact).holds).toBe(false);
  });

  it('an order without a client contact passes no test, not even absent', () => {
    expect(evaluateContactCondition({ field: 'phone', operator: 'absent' }, null)).toEqual({
      condition: 'contactFields',
      holds: false,
      detail: 'The order has no client contact to test (phone absent)',
    });
  });
});

describe('contact tests among the rule’s conditions', () => {
  const order = { clientCompanyId: null, departmentId: null, channelId: null, tags: [], status: { id: KATE, name: 'New' } };

  it('come after the lists, one result each, and all must hold', () => {
    const conditions = {
      statusIds: [KATE],
      contactFields: [
        { field: 'email' as const, operator: 'contains' as const, value: 'acme' },
        { field: 'status' as const, operator: 'equals' as const, value: 'inactive' },
      ],
    };
    expect(needsContact(conditions)).toBe(true);
    const verdict = evaluateAutomationConditions(conditions, order, contact);
    expect(verdict.matched).toBe(false);
    expect(verdict.results.map((result) => [result.condition, result.holds])).toEqual([
      ['statusIds', true],
      ['contactFields', true],
      ['contactFields', false],
    ]);
  });

  it('a rule without contact tests does not need the contact', () => {
    expect(needsContact({ statusIds: [KATE] })).toBe(false);
    expect(needsContact({ contactFields: [] })).toBe(false);
  });
});
