import type { DomainError } from '@warden/kernel';
import type { OrderStatusChangedV1, OrderView, RecordedDecision } from '@warden/contracts';
import { OrderErrors } from './order.errors';
import { orderVersionRefusal } from './order-version.policy';

/** A status of the tenant as stored, looked up by the id the request named. */
export interface OrderTargetStatus {
  id: string;
  workflowId: string;
  name: string;
  archived: boolean;
}

/** What the rule reads of the order. */
export type OrderStatusFacts = Pick<OrderView, 'id' | 'number' | 'workflowId' | 'version'> & { status: { id: string; name: string } };

export interface OrderStatusChangeRequest {
  /** The status the permission decision was made for. */
  expectedStatusId: string;
  expectedVersion?: number;
  decision: RecordedDecision;
  actorId: string | null;
}

/** What a permitted status change writes: the status, its history entry and its event (`at` is the commit's). */
export interface OrderStatusChangePlan<S extends OrderTargetStatus> {
  target: S;
  history: { from: { id: string; name: string }; to: { id: string; name: string }; actorId: string | null; decision: RecordedDecision };
  event: Omit<OrderStatusChangedV1, 'at'>;
}

/**
 * Whether the order (read under its row lock) may move to `target`, and what the move writes. Refused, in
 * this order: another version than the request names; the order left the status the decision was made for;
 * a status that is unknown (`null`) or of another workflow; an archived status; the status it already has.
 * Whether the caller may set the status was decided by the permissions service before.
 */
export function planOrderStatusChange<S extends OrderTargetStatus>(
  order: OrderStatusFacts,
  target: S | null,
  request: OrderStatusChangeRequest,
): OrderStatusChangePlan<S> | DomainError {
  const stale = orderVersionRefusal(order, request.expectedVersion);
  if (stale) return stale;
  if (order.status.id !== request.expectedStatusId) return OrderErrors.statusMoved();
  if (!target || target.workflowId !== order.workflowId) return OrderErrors.unknownStatus();
  if (target.archived) return OrderErrors.archivedStatus();
  if (target.id === order.status.id) return OrderErrors.alreadyInStatus();
  const from = { id: order.status.id, name: order.status.name };
  const to = { id: target.id, name: target.name };
  return {
    target,
    history: { from, to, actorId: request.actorId, decision: request.decision },
    event: { orderId: order.id, number: order.number, from, to, actorId: request.actorId, policyVersion: request.decision.policyVersion },
  };
}
