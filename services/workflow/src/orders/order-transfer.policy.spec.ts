import { DomainError } from '@warden/kernel';
import { OrderErrors } from './order.errors';
import { planOrderTransfer } from './order-transfer.policy';
import type { OrderTransferFacts } from './order-transfer.policy';

const FRONT_DESK = '0192f0c4-0000-7000-8000-0000000000d1';
const WORKSHOP = '0192f0c4-0000-7000-8000-0000000000d2';
const ACTOR = '0192f0c4-0000-7000-8000-0000000000b1';
const decision = { code: 'ALLOWED.RIGHT', policyVersion: 5 };
const status = { id: '0192f0c4-0000-7000-8000-0000000000a1', name: 'New' };
const order: OrderTransferFacts = { id: '0192f0c4-0000-7000-8000-0000000000c1', number: 7, departmentId: FRONT_DESK, version: 2, status };
const request = { departmentId: WORKSHOP, expectedDepartmentId: FRONT_DESK, expectedVersion: 2, decision, actorId: ACTOR };

function refusal(outcome: unknown): unknown {
  expect(outcome).toBeInstanceOf(DomainError);
  return (outcome as DomainError).toPayload();
}

describe('an order transfer to another department', () => {
  it('moves the order, keeping its status in the history entry and naming both departments', () => {
    expect(planOrderTransfer(order, request)).toEqual({
      departmentId: WORKSHOP,
      history: { from: status, to: status, actorId: ACTOR, decision, department: { from: FRONT_DESK, to: WORKSHOP } },
      event: { orderId: order.id, number: 7, fromDepartmentId: FRONT_DESK, toDepartmentId: WORKSHOP, actorId: ACTOR, policyVersion: 5 },
    });
  });

  it('moves an order without a department into one', () => {
    const plan = planOrderTransfer({ ...order, departmentId: null }, { ...request, expectedDepartmentId: null });
    expect(plan).toMatchObject({ history: { department: { from: null, to: WORKSHOP } }, event: { fromDepartmentId: null } });
  });

  it('is not checked against a version when the request names none', () => {
    expect(planOrderTransfer(order, { ...request, expectedVersion: undefined })).not.toBeInstanceOf(DomainError);
  });

  it('refuses another version than the request names', () => {
    expect(refusal(planOrderTransfer(order, { ...request, expectedVersion: 1 }))).toEqual(OrderErrors.versionMismatch(1, 2).toPayload());
  });

  it('refuses when the order left the department the decision was made for', () => {
    expect(refusal(planOrderTransfer(order, { ...request, expectedDepartmentId: null }))).toEqual(
      OrderErrors.departmentMoved().toPayload(),
    );
  });

  it('refuses the department the order already is in', () => {
    expect(refusal(planOrderTransfer(order, { ...request, departmentId: FRONT_DESK }))).toEqual(
      OrderErrors.alreadyInDepartment().toPayload(),
    );
  });

  it('checks the version first, then the decision department', () => {
    expect(
      refusal(planOrderTransfer(order, { ...request, expectedVersion: 9, expectedDepartmentId: WORKSHOP, departmentId: FRONT_DESK })),
    ).toMatchObject({
      code: 'ORDER.VERSION_MISMATCH',
    });
    expect(refusal(planOrderTransfer(order, { ...request, expectedDepartmentId: WORKSHOP, departmentId: FRONT_DESK }))).toMatchObject({
      code: 'ORDER.DEPARTMENT_MOVED',
    });
  });
});
