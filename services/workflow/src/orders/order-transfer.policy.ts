import type { DomainError } from '@warden/kernel';
import type { OrderTransferredV1, OrderView, RecordedDecision } from '@warden/contracts';
import { OrderErrors } from './order.errors';
import { orderVersionRefusal } from './order-version.policy';

/** What the rule reads of the order. */
export type OrderTransferFacts = Pick<OrderView, 'id' | 'number' | 'departmentId' | 'version'> & { status: { id: string; name: string } };

export interface OrderTransferRequest {
  /** A department of the tenant, as the directory confirmed it. */
  departmentId: string;
  /** The department the permission decision was made for. */
  expectedDepartmentId: string | null;
  expectedVersion?: number;
  decision: RecordedDecision;
  actorId: string | null;
}

/** What a permitted transfer writes: the department, a history entry keeping the status, and its event (`at` is the commit's). */
export interface OrderTransferPlan {
  departmentId: string;
  history: {
    from: { id: string; name: string };
    to: { id: string; name: string };
    actorId: string | null;
    decision: RecordedDecision;
    department: { from: string | null; to: string };
  };
  event: Omit<OrderTransferredV1, 'at'>;
}

/**
 * Whether the order (read under its row lock) may move to another department, and what the move writes.
 * Refused, in this order: another version than the request names; the order left the department the decision
 * was made for; the department it already is in. The status stays.
 */
export function planOrderTransfer(order: OrderTransferFacts, request: OrderTransferRequest): OrderTransferPlan | DomainError {
  const stale = orderVersionRefusal(order, request.expectedVersion);
  if (stale) return stale;
  if (order.departmentId !== request.expectedDepartmentId) return OrderErrors.departmentMoved();
  if (order.departmentId === request.departmentId) return OrderErrors.alreadyInDepartment();
  const status = { id: order.status.id, name: order.status.name };
  return {
    departmentId: request.departmentId,
    history: {
      from: status,
      to: status,
      actorId: request.actorId,
      decision: request.decision,
      department: { from: order.departmentId, to: request.departmentId },
    },
    event: {
      orderId: order.id,
      number: order.number,
      fromDepartmentId: order.departmentId,
      toDepartmentId: request.departmentId,
      actorId: request.actorId,
      policyVersion: request.decision.policyVersion,
    },
  };
}
