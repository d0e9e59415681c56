import { automationStepOutcome, automationSteps, ownerCheckOf } from './automation-actions.policy';

const KEY_ACCOUNTS = '01900000-0000-7000-8000-00000000000a';
const SUPPORT = '01900000-0000-7000-8000-00000000000b';
const ANNA = '01900000-0000-7000-8000-00000000000c';
const order = {
  departmentId: SUPPORT,
  responsibleId: null,
  clientContactId: null,
  clientCompanyId: null,
  status: { id: '01900000-0000-7000-8000-00000000000d' },
};
const allowed = { allowed: true, code: 'ALLOWED.TRANSFER', reason: 'May move this order to the target department', policyVersion: 3 };
const refused = { allowed: false, code: 'RIGHT.NOT_GRANTED', reason: "Missing right 'orders.transfer'", policyVersion: 3 };

describe('automation actions', () => {
  it('run the transfer first, then the responsible employee', () => {
    expect(automationSteps({ responsibleId: ANNA, departmentId: KEY_ACCOUNTS })).toEqual([
      { action: 'set-department', value: KEY_ACCOUNTS },
      { action: 'set-responsible', value: ANNA },
    ]);
  });

  it('a transfer is checked as orders.transfer to the target department, a responsible employee as orders.update', () => {
    expect(ownerCheckOf({ action: 'set-department', value: KEY_ACCOUNTS }, order)).toEqual({
      action: 'orders.transfer',
      resource: {
        type: 'order',
        statusId: order.status.id,
        departmentId: SUPPORT,
        clientContactId: null,
        clientCompanyId: null,
        targetDepartmentId: KEY_ACCOUNTS,
      },
    });
    expect(ownerCheckOf({ action: 'set-responsible', value: ANNA }, order).action).toBe('orders.update');
  });

  it('an allowed step is applied with the decision', () => {
    expect(automationStepOutcome({ action: 'set-department', value: KEY_ACCOUNTS }, order, allowed)).toMatchObject({
      outcome: 'applied',
      code: 'ALLOWED.TRANSFER',
    });
  });

  it("a refused step does nothing and says why, with the permissions service's code", () => {
    expect(automationStepOutcome({ action: 'set-department', value: KEY_ACCOUNTS }, order, refused)).toEqual({
      action: 'set-department',
      value: KEY_ACCOUNTS,
      outcome: 'refused',
      code: 'RIGHT.NOT_GRANTED',
      reason: "The rule's owner may not: Missing right 'orders.transfer'",
    });
  });

  it('a step the order already satisfies is unchanged, whatever the decision', () => {
    expect(automationStepOutcome({ action: 'set-department', value: SUPPORT }, order, refused)).toMatchObject({
      outcome: 'unchanged',
      code: 'AUTOMATION.UNCHANGED',
    });
    expect(automationStepOutcome({ action: 'set-responsible', value: ANNA }, { ...order, responsibleId: ANNA }, null)).toMatchObject({
      outcome: 'unchanged',
    });
  });
});
