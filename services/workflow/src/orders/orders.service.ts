import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { decodeCursor, DomainError, newId, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { OutboxWriter } from '@warden/messaging';
import { OrderCreatedV1, OrderStatusChangedV1, OrderTransferredV1 } from '@warden/contracts';
import type {
  ChangeOrderStatusData,
  CreateOrderData,
  ListOrdersData,
  OrderHistoryEntry,
  OrderView,
  OrderStartingStatuses,
  RequestContext,
  TransferOrderData,
  UpdateOrderData,
} from '@warden/contracts';
import { WorkflowRepository } from '../workflows/workflow.repository';
import { WorkflowErrors } from '../workflows/workflow.errors';
import { OrderErrors } from './order.errors';
import { orderStartStatus } from './order-start.policy';
import { planOrderStatusChange } from './order-status-change.policy';
import { planOrderTransfer } from './order-transfer.policy';
import { orderDepartmentRefusal, orderFieldsRefusal, planOrderUpdate } from './order-update.policy';
import { OrderReferences } from './order-references';
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
}

/**
 * Orders: creation with a per-tenant number, field changes, status changes and transfers under
 * optimistic concurrency, each change with its history row and outbox event in one transaction.
 * Whether the caller may do it was decided by the permissions service before the request got here.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly workflows: WorkflowRepository,
    private readonly references: OrderReferences,
    private readonly outbox: OutboxWriter,
  ) {}

  async get(tenantId: string, orderId: string): Promise<OrderView> {
    const order = await this.orders.get(tenantId, orderId);
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
    const after = decodeCursor(data.cursor);
    // The scope is required by the request's class (a caller that forgot the rule must not see everything).
    if (statusIds.length === 0) return { items: [], nextCursor: null, total: 0 };
    const query = {
      statusIds,
      scope: data.scope,
      departmentId: data.departmentId,
      clientCompanyId: data.clientCompanyId,
      search: data.search || undefined,
      afterId: after?.id,
      limit: data.limit,
    };
    const [rows, total] = await Promise.all([this.orders.list(tenantId, query), this.orders.count(tenantId, query)]);
    return toPage(rows, data.limit, (order) => ({ key: order.id, id: order.id }), total);
  }

  async create(ctx: RequestContext, data: CreateOrderData): Promise<OrderView> {
    if (!data.title) throw OrderErrors.titleRequired();
    const departmentId = data.departmentId ? await this.references.department(ctx, data.departmentId) : null;
    const client = await this.references.client(ctx, data.clientContactId ?? null, data.equipmentId ?? null);
    const draft: OrderDraft = {
      title: data.title,
      description: data.description ?? '',
      clientRef: data.clientRef ?? null,
      responsibleId: data.responsibleId ?? null,
      workflowId: data.workflowId,
      statusId: data.statusId,
      departmentId,
      client,
      inboundMessageId: null,
    };
    return this.dataSource.transaction((tx) => this.createWithin(tx, ctx.tenantId, ctx.actorId, draft));
  }

  /** Where a new order may start: the gateway picks the first one its creator may set. */
  async initialStatuses(tenantId: string, workflowId: string | undefined): Promise<OrderStartingStatuses> {
    const manager = this.dataSource.manager;
    const id = await this.orderWorkflow(tenantId, workflowId, manager);
    return { workflowId: id, statuses: await this.orders.initialStatuses(tenantId, id, manager) };
  }

  /** The named order workflow of the tenant, or its default one. */
  private async orderWorkflow(tenantId: string, workflowId: string | undefined, manager: EntityManager): Promise<string> {
    if (workflowId !== undefined) {
      if (!(await this.orders.orderWorkflowExists(tenantId, workflowId, manager))) throw OrderErrors.unknownWorkflow();
      return workflowId;
    }
    const fallback = await this.workflows.defaultOrderWorkflowId(tenantId, manager);
    if (!fallback) throw WorkflowErrors.noDefault();
    return fallback;
  }

  /** Creates the order inside the caller's transaction (a request, or the handler of an inbound message). */
  async createWithin(tx: EntityManager, tenantId: string, actorId: string | null, draft: OrderDraft): Promise<OrderView> {
    const workflowId = await this.orderWorkflow(tenantId, draft.workflowId, tx);
    const found = draft.statusId
      ? await this.orders.status(tenantId, draft.statusId, tx)
      : await this.orders.firstInitialStatus(tenantId, workflowId, tx);
    const status = orderStartStatus(found, workflowId, Boolean(draft.statusId));
    if (status instanceof DomainError) throw status;
    const id = newId();
    const number = await this.orders.nextNumber(tx, tenantId);
    await this.orders.insert(tx, tenantId, {
      id,
      number,
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
    });
    await this.orders.addHistory(tx, tenantId, { id: newId(), orderId: id, from: null, to: status, actorId, decision: null });
    const order = (await this.orders.get(tenantId, id, tx))!;
    const event: OrderCreatedV1 = {
      orderId: id,
      number,
      title: draft.title,
      workflowId,
      status: { id: status.id, name: status.name },
      responsibleId: order.responsibleId,
      createdBy: actorId,
      departmentId: order.departmentId,
      clientContactId: order.clientContactId,
      clientCompanyId: order.clientCompanyId,
      equipmentId: order.equipmentId,
      inboundMessageId: order.inboundMessageId,
      at: order.createdAt,
    };
    await this.outbox.add(tx, { contract: OrderCreatedV1, tenantId, subject: id, data: event });
    return order;
  }

  async update(ctx: RequestContext, data: UpdateOrderData): Promise<OrderView> {
    const tenantId = ctx.tenantId;
    const { clientContactId, equipmentId } = data.changes;
    const badFields = orderFieldsRefusal(data.changes);
    if (badFields) throw badFields;
    const before = await this.orders.get(tenantId, data.orderId);
    if (!before) throw OrderErrors.notFound();
    const badDepartment = orderDepartmentRefusal(before, data.changes);
    if (badDepartment) throw badDepartment;
    const clientChanges = clientContactId !== undefined || equipmentId !== undefined;
    const client = clientChanges
      ? await this.references.client(
          ctx,
          clientContactId === undefined ? before.clientContactId : clientContactId,
          equipmentId === undefined ? before.equipmentId : equipmentId,
        )
      : null;
    return this.dataSource.transaction(async (tx) => {
      const current = await this.orders.get(tenantId, before.id, tx, true);
      if (!current) throw OrderErrors.notFound();
      const plan = planOrderUpdate(before, current, data, client);
      if (plan instanceof DomainError) throw plan;
      await this.orders.updateFields(tx, tenantId, current.id, plan.fields, plan.client);
      return (await this.orders.get(tenantId, current.id, tx))!;
    });
  }

  async changeStatus(ctx: RequestContext, data: ChangeOrderStatusData): Promise<OrderView> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      const current = await this.orders.get(tenantId, data.orderId, tx, true);
      if (!current) throw OrderErrors.notFound();
      const target = await this.orders.status(tenantId, data.targetStatusId, tx);
      const plan = planOrderStatusChange(current, target, { ...data, actorId: ctx.actorId });
      if (plan instanceof DomainError) throw plan;
      await this.orders.moveToStatus(tx, tenantId, current, plan.target);
      await this.orders.addHistory(tx, tenantId, { id: newId(), orderId: current.id, ...plan.history });
      const order = (await this.orders.get(tenantId, current.id, tx))!;
      const event: OrderStatusChangedV1 = { ...plan.event, at: order.updatedAt };
      await this.outbox.add(tx, { contract: OrderStatusChangedV1, tenantId, subject: order.id, data: event });
      return order;
    });
  }

  /** Moves the order to another department of the tenant: history entry and event, the status stays. */
  async transfer(ctx: RequestContext, data: TransferOrderData): Promise<OrderView> {
    const tenantId = ctx.tenantId;
    const departmentId = await this.references.department(ctx, data.departmentId);
    return this.dataSource.transaction(async (tx) => {
      const current = await this.orders.get(tenantId, data.orderId, tx, true);
      if (!current) throw OrderErrors.notFound();
      const plan = planOrderTransfer(current, { ...data, departmentId, actorId: ctx.actorId });
      if (plan instanceof DomainError) throw plan;
      await this.orders.moveToDepartment(tx, tenantId, current, plan.departmentId);
      await this.orders.addHistory(tx, tenantId, { id: newId(), orderId: current.id, ...plan.history });
      const order = (await this.orders.get(tenantId, current.id, tx))!;
      const event: OrderTransferredV1 = { ...plan.event, at: order.updatedAt };
      await this.outbox.add(tx, { contract: OrderTransferredV1, tenantId, subject: order.id, data: event });
      return order;
    });
  }
}
