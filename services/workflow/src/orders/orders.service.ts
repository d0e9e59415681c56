import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, isUuid, newId, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { OutboxWriter } from '@warden/messaging';
import { OrderCreatedV1, OrderStatusChangedV1 } from '@warden/contracts';
import type {
  ChangeOrderStatusData,
  CreateOrderData,
  ListOrdersData,
  OrderHistoryEntry,
  OrderView,
  RequestContext,
  UpdateOrderData,
} from '@warden/contracts';
import { WorkflowRepository } from '../workflows/workflow.repository';
import { WorkflowErrors } from '../workflows/workflow.errors';
import { OrderErrors } from './order.errors';
import { OrderRepository } from './order.repository';

const MAX_LIMIT = 100;

/**
 * Orders: creation with a per-tenant number, field changes and status changes under optimistic
 * concurrency, each change with its history row and outbox event in one transaction. Whether the
 * caller may do it was decided by the permissions service before the request got here.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly workflows: WorkflowRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async get(tenantId: string, orderId: string): Promise<OrderView> {
    const order = isUuid(orderId) ? await this.orders.get(tenantId, orderId) : null;
    if (!order) throw OrderErrors.notFound();
    return order;
  }

  async history(tenantId: string, orderId: string): Promise<OrderHistoryEntry[]> {
    await this.get(tenantId, orderId);
    return this.orders.history(tenantId, orderId);
  }

  async list(tenantId: string, data: ListOrdersData): Promise<Page<OrderView>> {
    const visible = new Set(data.visibleStatusIds);
    const statusIds = data.statusIds ? data.statusIds.filter((id) => visible.has(id)) : [...visible];
    const limit = Math.min(Math.max(data.limit, 1), MAX_LIMIT);
    const after = decodeCursor(data.cursor);
    if (statusIds.length === 0) return { items: [], nextCursor: null, total: 0 };
    const query = { statusIds, search: data.search?.trim() || undefined, afterId: after?.id, limit };
    const [rows, total] = await Promise.all([this.orders.list(tenantId, query), this.orders.count(tenantId, query)]);
    return toPage(rows, limit, (order) => ({ key: order.id, id: order.id }), total);
  }

  async create(ctx: RequestContext, data: CreateOrderData): Promise<OrderView> {
    const title = data.title.trim();
    if (!title) throw OrderErrors.titleRequired();
    return this.dataSource.transaction(async (tx) => {
      const tenantId = ctx.tenantId;
      let workflowId = data.workflowId;
      if (workflowId !== undefined) {
        if (!isUuid(workflowId) || !(await this.orders.orderWorkflowExists(tenantId, workflowId, tx))) throw OrderErrors.unknownWorkflow();
      } else {
        workflowId = (await this.workflows.defaultOrderWorkflowId(tenantId, tx)) ?? undefined;
        if (!workflowId) throw WorkflowErrors.noDefault();
      }
      const status = data.statusId
        ? isUuid(data.statusId) ? await this.orders.status(tenantId, data.statusId, tx) : null
        : await this.orders.firstInitialStatus(tenantId, workflowId, tx);
      if (!status) throw data.statusId ? OrderErrors.unknownStatus() : OrderErrors.noInitialStatus();
      if (status.workflowId !== workflowId) throw OrderErrors.unknownStatus();
      if (status.archived) throw OrderErrors.archivedStatus();
      const id = newId();
      const number = await this.orders.nextNumber(tx, tenantId);
      await this.orders.insert(tx, tenantId, {
        id,
        number,
        title,
        description: data.description ?? '',
        clientRef: data.clientRef ?? null,
        responsibleId: data.responsibleId ?? null,
        workflowId,
        status,
        createdBy: ctx.actorId,
      });
      await this.orders.addHistory(tx, tenantId, { id: newId(), orderId: id, from: null, to: status, actorId: ctx.actorId, decision: null });
      const order = (await this.orders.get(tenantId, id, tx))!;
      const event: OrderCreatedV1 = {
        orderId: id,
        number,
        title,
        workflowId,
        status: { id: status.id, name: status.name },
        responsibleId: order.responsibleId,
        createdBy: ctx.actorId,
        at: order.createdAt,
      };
      await this.outbox.add(tx, { type: OrderCreatedV1.type, tenantId, subject: id, data: event });
      return order;
    });
  }

  async update(tenantId: string, data: UpdateOrderData): Promise<OrderView> {
    if (data.changes.title !== undefined && !data.changes.title.trim()) throw OrderErrors.titleRequired();
    return this.dataSource.transaction(async (tx) => {
      const current = isUuid(data.orderId) ? await this.orders.get(tenantId, data.orderId, tx, true) : null;
      if (!current) throw OrderErrors.notFound();
      if (data.expectedVersion !== undefined && data.expectedVersion !== current.version) {
        throw OrderErrors.versionMismatch(data.expectedVersion, current.version);
      }
      const changes = { ...data.changes, ...(data.changes.title !== undefined ? { title: data.changes.title.trim() } : {}) };
      await this.orders.updateFields(tx, tenantId, current.id, changes);
      return (await this.orders.get(tenantId, current.id, tx))!;
    });
  }

  async changeStatus(ctx: RequestContext, data: ChangeOrderStatusData): Promise<OrderView> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      const current = isUuid(data.orderId) ? await this.orders.get(tenantId, data.orderId, tx, true) : null;
      if (!current) throw OrderErrors.notFound();
      if (data.expectedVersion !== undefined && data.expectedVersion !== current.version) {
        throw OrderErrors.versionMismatch(data.expectedVersion, current.version);
      }
      if (current.status.id !== data.expectedStatusId) throw OrderErrors.statusMoved();
      const target = isUuid(data.targetStatusId) ? await this.orders.status(tenantId, data.targetStatusId, tx) : null;
      if (!target || target.workflowId !== current.workflowId) throw OrderErrors.unknownStatus();
      if (target.archived) throw OrderErrors.archivedStatus();
      if (target.id === current.status.id) throw OrderErrors.alreadyInStatus();
      await this.orders.moveToStatus(tx, tenantId, current.id, current.status.id, target);
      const from = { id: current.status.id, name: current.status.name };
      const to = { id: target.id, name: target.name };
      await this.orders.addHistory(tx, tenantId, { id: newId(), orderId: current.id, from, to, actorId: ctx.actorId, decision: data.decision });
      const order = (await this.orders.get(tenantId, current.id, tx))!;
      const event: OrderStatusChangedV1 = {
        orderId: order.id,
        number: order.number,
        from,
        to,
        actorId: ctx.actorId,
        policyVersion: data.decision.policyVersion,
        at: order.updatedAt,
      };
      await this.outbox.add(tx, { type: OrderStatusChangedV1.type, tenantId, subject: order.id, data: event });
      return order;
    });
  }
}
