import { OrderCommentAddedV1, OrderCreatedV1, OrderStatusChangedV1, OrderTagsChangedV1, OrderTransferredV1 } from '@warden/contracts';
import type { OrderCommentView, OrderTagsChange, OrderView, OutgoingEvent } from '@warden/contracts';

/** A new order as it was stored, at its creation time. */
export function orderCreated(tenantId: string, order: OrderView): OutgoingEvent<OrderCreatedV1> {
  return {
    contract: OrderCreatedV1,
    tenantId,
    subject: order.id,
    data: {
      orderId: order.id,
      number: order.number,
      title: order.title,
      workflowId: order.workflowId,
      status: { id: order.status.id, name: order.status.name },
      responsibleId: order.responsibleId,
      createdBy: order.createdBy,
      departmentId: order.departmentId,
      clientContactId: order.clientContactId,
      clientCompanyId: order.clientCompanyId,
      equipmentId: order.equipmentId,
      inboundMessageId: order.inboundMessageId,
      tags: order.tags,
      at: order.createdAt,
    },
  };
}

/** The change a policy planned (order-status-change.policy.ts), at the time the order was changed. */
export function orderStatusChanged(
  tenantId: string,
  order: OrderView,
  change: Omit<OrderStatusChangedV1, 'at'>,
): OutgoingEvent<OrderStatusChangedV1> {
  return { contract: OrderStatusChangedV1, tenantId, subject: order.id, data: { ...change, at: order.updatedAt } };
}

/** The transfer a policy planned (order-transfer.policy.ts), by a person or a rule, at the time the order was moved. */
export function orderTransferred(
  tenantId: string,
  order: OrderView,
  transfer: Omit<OrderTransferredV1, 'at'>,
): OutgoingEvent<OrderTransferredV1> {
  return { contract: OrderTransferredV1, tenantId, subject: order.id, data: { ...transfer, at: order.updatedAt } };
}

/**
 * The order's tags after a change (order-tags.policy.ts `tagsChange`), by a person (`actorId`) or by a rule
 * (`automationRuleId`, `actorId` null), at the time the order was changed.
 */
export function orderTagsChanged(
  tenantId: string,
  order: OrderView,
  change: OrderTagsChange,
  by: { actorId: string | null; automationRuleId: string | null },
): OutgoingEvent<OrderTagsChangedV1> {
  return {
    contract: OrderTagsChangedV1,
    tenantId,
    subject: order.id,
    data: { orderId: order.id, number: order.number, tags: order.tags, ...change, ...by, at: order.updatedAt },
  };
}

export function orderCommentAdded(tenantId: string, order: OrderView, comment: OrderCommentView): OutgoingEvent<OrderCommentAddedV1> {
  return {
    contract: OrderCommentAddedV1,
    tenantId,
    subject: order.id,
    data: {
      commentId: comment.id,
      orderId: order.id,
      number: order.number,
      visibility: comment.visibility,
      authorId: comment.authorId,
      authorKind: comment.authorKind,
      body: comment.body,
      inboundMessageId: comment.inboundMessageId,
      automationRuleId: comment.automationRuleId,
      at: comment.createdAt,
    },
  };
}
