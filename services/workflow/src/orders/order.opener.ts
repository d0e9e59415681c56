import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { DomainError, newId } from '@warden/kernel';
import type { OrderView, OutgoingEvent } from '@warden/contracts';
import { WorkflowRepository } from '../workflows/workflow.repository';
import { orderWorkflow } from './order.check';
import { orderCreated } from './order.events';
import { orderStartStatus } from './order-start.policy';
import { OrderRepository } from './order.repository';
import type { OrderClient } from './order.repository';

/** What a new order is made of once its references were checked (by the directory, or by the event that opened it). */
export interface OrderDraft {
  title: string;
  description: string;
  clientRef: string | null;
  responsibleId: string | null;
  workflowId?: string;
  statusId?: string;
  departmentId: string | null;
  client: OrderClient;
  inboundMessageId: string | null;
  /** The channel of that inbound message. */
  channelId: string | null;
  /** Normalised (order-tags.policy.ts `orderTagsOf`). */
  tags: string[];
}

/**
 * Opens an order inside the caller's transaction: a request's (create-order.handler.ts) or the inbox's for an
 * inbound message (inbound-ticket.consumer.ts). Its per-tenant number, its first history entry and its
 * `workflow.order.created.v1` are written with it; the number last (order.repository.ts `numberAndCount`).
 */
@Injectable()
export class OrderOpener {
  constructor(
    private readonly orders: OrderRepository,
    private readonly workflows: WorkflowRepository,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async open(tx: EntityManager, tenantId: string, actorId: string | null, draft: OrderDraft): Promise<OrderView> {
    const workflowId = await orderWorkflow(this.orders, this.workflows, tx, tenantId, draft.workflowId);
    const found = draft.statusId
      ? await this.orders.status(tenantId, draft.statusId, tx)
      : await this.orders.firstInitialStatus(tenantId, workflowId, tx);
    const status = orderStartStatus(found, workflowId, Boolean(draft.statusId));
    if (status instanceof DomainError) throw status;
    const id = newId();
    await this.orders.insert(tx, tenantId, {
      id,
      title: draft.title,
      description: draft.description,
      clientRef: draft.clientRef,
      responsibleId: draft.responsibleId,
      workflowId,
      status,
      createdBy: actorId,
      departmentId: draft.departmentId,
      ...draft.client,
      inboundMessageId: draft.inboundMessageId,
      channelId: draft.channelId,
      tags: draft.tags,
    });
    await this.orders.addHistory(tx, tenantId, { id: newId(), orderId: id, from: null, to: status, actorId, decision: null });
    const inserted = (await this.orders.get(tenantId, id, tx))!;
    // Last, so the tenant's counter and count rows are held only until the commit that follows (see numberAndCount).
    const number = await this.orders.numberAndCount(tx, tenantId, { id, statusId: status.id, departmentId: draft.departmentId });
    const order: OrderView = { ...inserted, number };
    await this.events.publish(orderCreated(tenantId, order), tx);
    return order;
  }
}
