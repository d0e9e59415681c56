import { Injectable } from '@nestjs/common';
import { DomainError } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { OrderHistoryEntry, OrderView, RequestContext } from '@warden/contracts';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';
import type { OrderTransitionsResponseDto } from './dto/order.response.dto';

const HIDDEN = { code: 'ORDER.NOT_FOUND', what: 'Order' };

/**
 * Orders behind the permissions service: the workflow service stores and changes them, the
 * permissions service decides every read and status change (through the gateway's decision cache).
 * An order the caller cannot see answers 404, exactly as one that does not exist.
 */
@Injectable()
export class OrderAccessService {
  constructor(
    private readonly bus: BusClient,
    private readonly access: AccessService,
  ) {}

  async list(
    principal: Principal,
    ctx: RequestContext,
    query: { status?: string[]; search?: string; cursor?: string; limit?: number },
  ): Promise<Page<OrderView>> {
    const { statusIds } = await this.bus.request('permissions.orders.visible-statuses', ctx, { personId: principal.personId });
    return this.bus.request('workflow.orders.list', ctx, {
      visibleStatusIds: statusIds,
      statusIds: query.status,
      search: query.search,
      cursor: query.cursor,
      limit: query.limit ?? 20,
    });
  }

  /** The order, if the caller may see orders in its status. */
  async visible(principal: Principal, ctx: RequestContext, orderId: string): Promise<OrderView> {
    const order = await this.bus.request('workflow.orders.get', ctx, { orderId });
    await this.access.require(principal, ctx, 'orders.read', { type: 'order', statusId: order.status.id }, HIDDEN);
    return order;
  }

  async history(principal: Principal, ctx: RequestContext, orderId: string): Promise<OrderHistoryEntry[]> {
    await this.visible(principal, ctx, orderId);
    return this.bus.request('workflow.orders.history', ctx, { orderId });
  }

  async create(
    principal: Principal,
    ctx: RequestContext,
    data: { title: string; description?: string; clientRef?: string | null; responsibleId?: string | null; workflowId?: string; statusId?: string },
  ): Promise<OrderView> {
    // Starting an order in a chosen status is setting that status: it needs `set` on it.
    if (data.statusId) await this.access.require(principal, ctx, 'orders.create', { type: 'order', targetStatusId: data.statusId });
    return this.bus.request('workflow.orders.create', ctx, data);
  }

  async update(
    principal: Principal,
    ctx: RequestContext,
    orderId: string,
    changes: { title?: string; description?: string; clientRef?: string | null; responsibleId?: string | null },
    version: number | undefined,
  ): Promise<OrderView> {
    await this.visible(principal, ctx, orderId);
    return this.bus.request('workflow.orders.update', ctx, { orderId, changes, expectedVersion: version });
  }

  /**
   * Visible (else 404), a status of the order's workflow (else 422), allowed by the status rule
   * (else 403 with the rule's code) — then the workflow service changes it if the order is still
   * at the version and in the status the decision was made for.
   */
  async changeStatus(principal: Principal, ctx: RequestContext, orderId: string, targetStatusId: string, version: number | undefined): Promise<OrderView> {
    const order = await this.visible(principal, ctx, orderId);
    const workflow = await this.bus.request('workflow.workflows.get', ctx, { workflowId: order.workflowId });
    if (!workflow.statuses.some((status) => status.id === targetStatusId)) {
      throw DomainError.invalid('STATUS.UNKNOWN', 'statusId', "is not a status of the order's workflow");
    }
    const decision = await this.access.require(principal, ctx, 'orders.update', { type: 'order', statusId: order.status.id, targetStatusId });
    return this.bus.request('workflow.orders.change-status', ctx, {
      orderId,
      targetStatusId,
      expectedStatusId: order.status.id,
      expectedVersion: version,
      decision: { code: decision.code, policyVersion: decision.policyVersion },
    });
  }

  /** Every status of the workflow with whether the caller may move this order there, and why not. */
  async transitions(principal: Principal, ctx: RequestContext, orderId: string): Promise<OrderTransitionsResponseDto> {
    const order = await this.visible(principal, ctx, orderId);
    const workflow = await this.bus.request('workflow.workflows.get', ctx, { workflowId: order.workflowId });
    const transitions = await Promise.all(
      workflow.statuses.map(async (status) => {
        const base = { statusId: status.id, name: status.name, category: status.category, color: status.color, current: status.id === order.status.id };
        if (base.current) return { ...base, allowed: false, code: 'ORDER.ALREADY_IN_STATUS', reason: 'The order is in this status' };
        if (status.archived) return { ...base, allowed: false, code: 'STATUS.ARCHIVED', reason: 'The status is archived' };
        const decision = await this.access.decide(principal, ctx, 'orders.update', { type: 'order', statusId: order.status.id, targetStatusId: status.id });
        return { ...base, allowed: decision.allowed, code: decision.code, reason: decision.reason, policyVersion: decision.policyVersion };
      }),
    );
    return { orderId: order.id, status: order.status, version: order.version, transitions };
  }
}
