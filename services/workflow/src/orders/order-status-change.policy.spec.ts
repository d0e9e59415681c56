import { DomainError } from '@warden/kernel';
import { OrderErrors } from './order.errors';
import { planOrderStatusChange } from './order-status-change.policy';
import type { OrderStatusFacts, OrderTargetStatus } from './order-status-change.policy';

const WORKFLOW = '0192f0c4-0000-7000-8000-0000000000f1';
const OTHER_WORKFLOW = '0192f0c4-0000-7000-8000-0000000000f2';
const NEW = '0192f0c4-0000-7000-8000-0000000000a1';
const READY = '0192f0c4-0000-7000-8000-0000000000a2';
const ACTOR = '0192f0c4-0000-7000-8000-0000000000b1';
const decision = { code: 'ALLOWED.STATUS_LEVEL', policyVersion: 7 };

const order: OrderStatusFacts = {
  id: '0192f0c4-0000-7000-8000-0000000000c1',
  number: 42,
  workflowId: WORKFLOW,
  status: { id: NEW, name: 'New' },
  version: 3,
};
const ready: OrderTargetStatus = { id: READY, workflowId: WORKFLOW, name: 'Ready', archived: false };
const request = { expectedStatusId: NEW, expectedVersion: 3, decision, actorId: ACTOR };

function refusal(outcome: unknown): unknown {
  expect(outcome).toBeInstanceOf(DomainError);
  return (outcome as DomainError).toPayload();
}

describe('an order status change', () => {
  it('moves the order to the target, recording where from and who under which decision', () => {
    const from = { id: NEW, name: 'New' };
    const to = { id: READY, name: 'Ready' };
    expect(planOrderStatusChange(order, ready, request)).toEqual({
      target: ready,
      history: { from, to, actorId: ACTOR, decision },
      event: { orderId: order.id, number: 42, from, to, actorId: ACTOR, policyVersion: 7 },
    });
  });

  it('is not checked against a version when the request names none', () => {
    expect(planOrderStatusChange(order, ready, { ...request, expectedVersion: undefined })).not.toBeInstanceOf(DomainError);
  });

  it('records a change without an actor (a system change) as such', () => {
    const plan = planOrderStatusChange(order, ready, { ...request, actorId: null });
    expect(plan).toMatchObject({ history: { actorId: null }, event: { actorId: null } });
  });

  it('refuses another version than the request names, telling the current one', () => {
    const outcome = planOrderStatusChange(order, ready, { ...request, expectedVersion: 2 });
    expect(refusal(outcome)).toEqual(OrderErrors.versionMismatch(2, 3).toPayload());
    expect(refusal(outcome)).toMatchObject({ code: 'ORDER.VERSION_MISMATCH', kind: 'conflict', details: { currentVersion: 3 } });
  });

  it('refuses when the order left the status the decision was made for', () => {
    expect(refusal(planOrderStatusChange(order, ready, { ...request, expectedStatusId: READY }))).toEqual(
      OrderErrors.statusMoved().toPayload(),
    );
  });

  it('refuses an unknown target status', () => {
    expect(refusal(planOrderStatusChange(order, null, request))).toEqual(OrderErrors.unknownStatus().toPayload());
  });

  it("refuses a status of another workflow than the order's", () => {
    expect(refusal(planOrderStatusChange(order, { ...ready, workflowId: OTHER_WORKFLOW }, request))).toEqual(
      OrderErrors.unknownStatus().toPayload(),
    );
  });

  it('refuses an archived status', () => {
    expect(refusal(planOrderStatusChange(order, { ...ready, archived: true }, request))).toEqual(OrderErrors.archivedStatus().toPayload());
  });

  it('refuses the status the order already is in', () => {
    const current: OrderTargetStatus = { id: NEW, workflowId: WORKFLOW, name: 'New', archived: false };
    expect(refusal(planOrderStatusChange(order, current, request))).toEqual(OrderErrors.alreadyInStatus().toPayload());
  });

  it('checks in order: version, then the decision status, then the target, archived before already-there', () => {
    const archivedCurrent: OrderTargetStatus = { id: NEW, workflowId: WORKFLOW, name: 'New', archived: true };
    expect(refusal(planOrderStatusChange(order, null, { ...request, expectedVersion: 1, expectedStatusId: READY }))).toMatchObject({
      code: 'ORDER.VERSION_MISMATCH',
    });
    expect(refusal(planOrderStatusChange(order, null, { ...request, expectedStatusId: READY }))).toMatchObject({
      code: 'ORDER.STATUS_MOVED',
    });
    expect(refusal(planOrderStatusChange(order, archivedCurrent, request))).toMatchObject({ code: 'STATUS.ARCHIVED' });
  });
});
