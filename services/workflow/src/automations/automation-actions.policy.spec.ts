import {
  automationNotifyNote,
  automationRefusalNote,
  automationStepOutcome,
  automationSteps,
  orderAfterStep,
  ownerCheckOf,
  statusStepRefusal,
  tagStepRefusal,
} from './automation-actions.policy';

const KEY_ACCOUNTS = '01900000-0000-7000-8000-00000000000a';
const SUPPORT = '01900000-0000-7000-8000-00000000000b';
const ANNA = '01900000-0000-7000-8000-00000000000c';
const WORKFLOW = '01900000-0000-7000-8000-0000000000e1';
const DONE = '01900000-0000-7000-8000-0000000000f1';
const done = { id: DONE, workflowId: WORKFLOW, name: 'Done', archived: false };
const order = {
  workflowId: WORKFLOW,
  departmentId: SUPPORT,
  responsibleId: null,
  clientContactId: null,
  clientCompanyId: null,
  tags: ['printer'],
  status: { id: '01900000-0000-7000-8000-00000000000d' },
};
const allowed = { allowed: true, code: 'ALLOWED.TRANSFER', reason: 'May move this order to the target department', policyVersion: 3 };
const refused = { allowed: false, code: 'RIGHT.NOT_GRANTED', reason: "Missing right 'orders.transfer'", policyVersion: 3 };

describe('automation actions', () => {
  it('run the transfer first, then the status, then the responsible employee', () => {
    expect(automationSteps({ responsibleId: ANNA, statusId: DONE, departmentId: KEY_ACCOUNTS })).toEqual([
      { action: 'set-department', value: KEY_ACCOUNTS },
      { action: 'set-status', value: DONE },
      { action: 'set-responsible', value: ANNA },
    ]);
  });

  it('a note is written last, after every change', () => {
    expect(automationSteps({ note: 'Call back', departmentId: KEY_ACCOUNTS }).map((step) => step.action)).toEqual([
      'set-department',
      'add-note',
    ]);
  });

  it('a notification comes last, after the note, is checked as orders.read, and is never unchanged', () => {
    const steps = automationSteps({ notifyPersonId: ANNA, note: 'Call back', departmentId: KEY_ACCOUNTS });
    expect(steps.map((step) => step.action)).toEqual(['set-department', 'add-note', 'notify']);
    const notify = steps[2]!;
    expect(ownerCheckOf(notify, order)).toEqual(ownerCheckOf({ action: 'add-note', value: 'x' }, order));
    expect(ownerCheckOf(notify, order).action).toBe('orders.read');
    expect(orderAfterStep(notify, order)).toBe(order);
    expect(automationStepOutcome(notify, order, refused)).toMatchObject({ action: 'notify', value: ANNA, outcome: 'refused' });
    const sees = { allowed: true, code: 'ALLOWED.DEPARTMENT', reason: 'Sees the department', policyVersion: 3 };
    expect(automationStepOutcome(notify, order, sees)).toMatchObject({ outcome: 'applied', code: 'ALLOWED.DEPARTMENT' });
    expect(automationNotifyNote('Acme watch', ANNA)).toBe(`Rule 'Acme watch' notifies employee ${ANNA} by email`);
    expect(automationRefusalNote('Acme watch', automationStepOutcome(notify, order, refused))).toBe(
      `Rule 'Acme watch' did not notify its employee: The rule's owner may not: Missing right 'orders.transfer' (RIGHT.NOT_GRANTED)`,
    );
  });

  it('a note is checked as orders.read on the order, as a person commenting', () => {
    expect(ownerCheckOf({ action: 'add-note', value: 'Call back' }, order)).toEqual({
      action: 'orders.read',
      resource: { type: 'order', statusId: order.status.id, departmentId: SUPPORT, clientContactId: null, clientCompanyId: null },
    });
  });

  it('a note is added every time the owner may, never unchanged', () => {
    const sees = { allowed: true, code: 'ALLOWED.DEPARTMENT', reason: 'Sees the department', policyVersion: 3 };
    expect(automationStepOutcome({ action: 'add-note', value: 'Call back' }, order, sees)).toEqual({
      action: 'add-note',
      value: 'Call back',
      outcome: 'applied',
      code: 'ALLOWED.DEPARTMENT',
      reason: 'Sees the department',
    });
    expect(orderAfterStep({ action: 'add-note', value: 'Call back' }, order)).toBe(order);
  });

  it('a note the owner may not write (it does not see the order) is refused and noted', () => {
    const hidden = { allowed: false, code: 'DEPARTMENT.NOT_VISIBLE', reason: 'Does not see the department', policyVersion: 3 };
    const result = automationStepOutcome({ action: 'add-note', value: 'Call back' }, order, hidden);
    expect(result).toMatchObject({ outcome: 'refused', code: 'DEPARTMENT.NOT_VISIBLE' });
    expect(automationRefusalNote('Remind', result)).toBe(
      "Rule 'Remind' did not add its note: The rule's owner may not: Does not see the department (DEPARTMENT.NOT_VISIBLE)",
    );
  });

  it('a status is checked as orders.update to the target status, on the order where it is, as the manual change', () => {
    expect(ownerCheckOf({ action: 'set-status', value: DONE }, order)).toEqual({
      action: 'orders.update',
      resource: {
        type: 'order',
        statusId: order.status.id,
        departmentId: SUPPORT,
        clientContactId: null,
        clientCompanyId: null,
        targetStatusId: DONE,
      },
    });
  });

  it('a status of the order’s workflow is not refused before the owner is asked', () => {
    expect(statusStepRefusal({ action: 'set-status', value: DONE }, order, done)).toBeNull();
  });

  it('a status of another workflow is refused as STATUS.UNKNOWN, whoever owns the rule', () => {
    const other = { ...done, workflowId: '01900000-0000-7000-8000-0000000000e2' };
    expect(statusStepRefusal({ action: 'set-status', value: DONE }, order, other)).toEqual({
      action: 'set-status',
      value: DONE,
      outcome: 'refused',
      code: 'STATUS.UNKNOWN',
      reason: "The status is not one of the order's workflow",
    });
    expect(statusStepRefusal({ action: 'set-status', value: DONE }, order, null)).toMatchObject({ code: 'STATUS.UNKNOWN' });
  });

  it('an archived status is refused as STATUS.ARCHIVED', () => {
    expect(statusStepRefusal({ action: 'set-status', value: DONE }, order, { ...done, archived: true })).toMatchObject({
      outcome: 'refused',
      code: 'STATUS.ARCHIVED',
    });
  });

  it('the status the order already has is unchanged, not refused', () => {
    const there = { ...order, status: { id: DONE } };
    expect(statusStepRefusal({ action: 'set-status', value: DONE }, there, null)).toBeNull();
    expect(automationStepOutcome({ action: 'set-status', value: DONE }, there, null)).toMatchObject({ outcome: 'unchanged' });
  });

  it('later steps see the status an applied step set', () => {
    expect(orderAfterStep({ action: 'set-status', value: DONE }, order, done).status.id).toBe(DONE);
    expect(orderAfterStep({ action: 'set-department', value: KEY_ACCOUNTS }, order).departmentId).toBe(KEY_ACCOUNTS);
  });

  it('a step not taken is noted in the history with the rule’s name, the reason and the code', () => {
    const refusal = statusStepRefusal({ action: 'set-status', value: DONE }, order, null)!;
    expect(automationRefusalNote('Close solved', refusal)).toBe(
      "Rule 'Close solved' did not set the status: The status is not one of the order's workflow (STATUS.UNKNOWN)",
    );
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

  it('a tag is added after the responsible employee and before the note', () => {
    expect(automationSteps({ note: 'Call back', tag: 'key-account', responsibleId: ANNA }).map((step) => step.action)).toEqual([
      'set-responsible',
      'add-tag',
      'add-note',
    ]);
  });

  it('a tag is checked as orders.update on the order as it is, exactly as a responsible employee', () => {
    const tag = { action: 'add-tag' as const, value: 'key-account' };
    expect(ownerCheckOf(tag, order)).toEqual(ownerCheckOf({ action: 'set-responsible', value: ANNA }, order));
    expect(ownerCheckOf(tag, order)).toEqual({
      action: 'orders.update',
      resource: { type: 'order', statusId: order.status.id, departmentId: SUPPORT, clientContactId: null, clientCompanyId: null },
    });
  });

  it('a tag the owner may add is applied, and later steps see it among the sorted tags', () => {
    const tag = { action: 'add-tag' as const, value: 'key-account' };
    expect(automationStepOutcome(tag, order, allowed)).toMatchObject({ action: 'add-tag', value: 'key-account', outcome: 'applied' });
    expect(orderAfterStep(tag, order).tags).toEqual(['key-account', 'printer']);
  });

  it('a tag the owner may not add is refused and noted', () => {
    const result = automationStepOutcome({ action: 'add-tag', value: 'key-account' }, order, refused);
    expect(result).toMatchObject({ outcome: 'refused', code: 'RIGHT.NOT_GRANTED' });
    expect(automationRefusalNote('Tag Acme', result)).toBe(
      "Rule 'Tag Acme' did not add its tag: The rule's owner may not: Missing right 'orders.transfer' (RIGHT.NOT_GRANTED)",
    );
  });

  it('a tag the order has is unchanged, whatever the decision', () => {
    expect(automationStepOutcome({ action: 'add-tag', value: 'printer' }, order, null)).toMatchObject({
      outcome: 'unchanged',
      code: 'AUTOMATION.UNCHANGED',
    });
    expect(tagStepRefusal({ action: 'add-tag', value: 'printer' }, order)).toBeNull();
  });

  it('a 21st tag is refused as ORDER.TOO_MANY_TAGS, whoever owns the rule; one the full order has is not', () => {
    const full = { ...order, tags: Array.from({ length: 20 }, (_, index) => `t${index}`) };
    expect(tagStepRefusal({ action: 'add-tag', value: 'key-account' }, full)).toEqual({
      action: 'add-tag',
      value: 'key-account',
      outcome: 'refused',
      code: 'ORDER.TOO_MANY_TAGS',
      reason: 'The order has 20 tags already',
    });
    expect(tagStepRefusal({ action: 'add-tag', value: 't3' }, full)).toBeNull();
    expect(tagStepRefusal({ action: 'set-responsible', value: ANNA }, full)).toBeNull();
  });
});
