import { Injectable } from '@nestjs/common';
import { DomainError } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type {
  CreateOrderData,
  DepartmentView,
  OrderFieldChanges,
  OrderHistoryEntry,
  OrderView,
  RequestContext,
  ResourceRef,
} from '@warden/contracts';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';
import type { OrderTransitionsResponseDto, TransferOrderResponseDto } from './dto/order.response.dto';

const HIDDEN = { code: 'ORDER.NOT_FOUND', what: 'Order' } as const;

/** What the `order` rule decides on: the status, and where the order sits (department, client). */
function resourceOf(order: OrderView): ResourceRef {
  return {
    type: 'order',
    statusId: order.status.id,
    departmentId: order.departmentId,
    clientContactId: order.clientContactId,
    clientCompanyId: order.clientCompanyId,
  };
}

export interface OrderListQuery {
  status?: string[];
  search?: string;
  departmentId?: string;
  tag?: string;
  cursor?: string;
  limit?: number;
}

/**
 * Orders behind the permissions service: the workflow service stores and changes them, the
 * permissions service decides every read, status change and transfer (through the gateway's
 * decision cache) and gives the list filter. An order the caller cannot see answers 404, exactly
 * as one that does not exist.
 */
@Injectable()
export class OrderAccessService {
  constructor(
    private readonly bus: BusClient,
    private readonly access: AccessService,
  ) {}

  /** Only orders the caller sees: the visibility scope from permissions goes into the workflow's SQL. */
  async list(principal: Principal, ctx: RequestContext, query: OrderListQuery, clientCompanyId?: string): Promise<Page<OrderView>> {
    const visibility = await this.bus.request('permissions.orders.visibility-scope', ctx, { personId: principal.personId });
    return this.bus.request('workflow.orders.list', ctx, {
      visibleStatusIds: visibility.statusIds,
      scope: { departmentIds: visibility.departmentIds, contactId: visibility.contactId, managedCompanyIds: visibility.managedCompanyIds },
      statusIds: query.status,
      search: query.search,
      departmentId: query.departmentId,
      tag: query.tag,
      clientCompanyId,
      cursor: query.cursor,
      limit: query.limit ?? 20,
    });
  }

  /** A company's order history: the company must exist in the tenant (404), and only visible orders are listed. */
  async ofCompany(
    principal: Principal,
    ctx: RequestContext,
    companyId: string,
    query: { cursor?: string; limit?: number },
  ): Promise<Page<OrderView>> {
    const company = await this.bus.request('directory.companies.get', ctx, { companyId });
    return this.list(principal, ctx, { cursor: query.cursor, limit: query.limit }, company.id);
  }

  /** The order, if the caller may see it (its status, its department or client). */
  async visible(principal: Principal, ctx: RequestContext, orderId: string): Promise<OrderView> {
    const order = await this.bus.request('workflow.orders.get', ctx, { orderId });
    await this.access.require(principal, ctx, 'orders.read', resourceOf(order), HIDDEN);
    return order;
  }

  async history(principal: Principal, ctx: RequestContext, orderId: string): Promise<OrderHistoryEntry[]> {
    await this.visible(principal, ctx, orderId);
    return this.bus.request('workflow.orders.history', ctx, { orderId });
  }

  /**
   * Starting an order in a status is setting that status: a named one needs `set` on it; without
   * one, the order starts in the first initial status the creator may set, so it is never created
   * where its creator cannot see it.
   */
  async create(principal: Principal, ctx: RequestContext, data: CreateOrderData): Promise<OrderView> {
    if (data.statusId) await this.access.require(principal, ctx, 'orders.create', { type: 'order', targetStatusId: data.statusId });
    const start = data.statusId ? {} : await this.startingStatus(principal, ctx, data.workflowId);
    // A client's own order is its own: a contact cannot file one for somebody else.
    const owner = principal.kind === 'contact' ? { clientContactId: principal.personId } : {};
    return this.bus.request('workflow.orders.create', ctx, { ...data, ...start, ...owner });
  }

  private async startingStatus(
    principal: Principal,
    ctx: RequestContext,
    workflowId?: string,
  ): Promise<{ workflowId?: string; statusId?: string }> {
    const initial = await this.bus.request('workflow.orders.initial-statuses', ctx, { workflowId });
    // No initial status at all: the workflow service answers that itself.
    if (initial.statuses.length === 0) return {};
    for (const status of initial.statuses) {
      const decision = await this.access.decide(principal, ctx, 'orders.create', { type: 'order', targetStatusId: status.id });
      if (decision.allowed) return { workflowId: initial.workflowId, statusId: status.id };
    }
    const names = initial.statuses.map((status) => `'${status.name}'`).join(', ');
    throw new DomainError(
      'ORDER.NO_INITIAL_STATUS_ALLOWED',
      'forbidden',
      `The person may not set any initial status a new order could start in (${names})`,
    );
  }

  async update(
    principal: Principal,
    ctx: RequestContext,
    orderId: string,
    changes: OrderFieldChanges,
    version: number | undefined,
  ): Promise<OrderView> {
    await this.visible(principal, ctx, orderId);
    return this.bus.request('workflow.orders.update', ctx, { orderId, changes, expectedVersion: version });
  }

  /**
   * Visible (else 404), a status of the order's workflow (else 422), allowed by the order rule
   * (else 403 with the rule's code) — then the workflow service changes it if the order is still
   * at the version and in the status the decision was made for.
   */
  async changeStatus(
    principal: Principal,
    ctx: RequestContext,
    orderId: string,
    targetStatusId: string,
    version: number | undefined,
  ): Promise<OrderView> {
    const order = await this.visible(principal, ctx, orderId);
    const workflow = await this.bus.request('workflow.workflows.get', ctx, { workflowId: order.workflowId });
    if (!workflow.statuses.some((status) => status.id === targetStatusId)) {
      throw DomainError.invalid('STATUS.UNKNOWN', 'statusId', "is not a status of the order's workflow");
    }
    const decision = await this.access.require(principal, ctx, 'orders.update', { ...resourceOf(order), targetStatusId });
    return this.bus.request('workflow.orders.change-status', ctx, {
      orderId,
      targetStatusId,
      expectedStatusId: order.status.id,
      expectedVersion: version,
      decision: { code: decision.code, policyVersion: decision.policyVersion },
    });
  }

  /**
   * Visible (else 404), a department of the tenant (else 422), allowed by the order rule for the
   * target department (else 403 with the reason) — then moved if the order is still where the
   * decision found it. Losing sight of the order afterwards is the expected outcome of handing it
   * over, so the answer says so instead of failing.
   */
  async transfer(
    principal: Principal,
    ctx: RequestContext,
    orderId: string,
    departmentId: string,
    version: number | undefined,
  ): Promise<TransferOrderResponseDto> {
    const order = await this.visible(principal, ctx, orderId);
    const department = await this.department(ctx, departmentId);
    const decision = await this.access.require(principal, ctx, 'orders.transfer', {
      ...resourceOf(order),
      targetDepartmentId: department.id,
    });
    const moved = await this.bus.request('workflow.orders.transfer', ctx, {
      orderId: order.id,
      departmentId: department.id,
      expectedDepartmentId: order.departmentId,
      expectedVersion: version,
      decision: { code: decision.code, policyVersion: decision.policyVersion },
    });
    const stillVisible = await this.access.decide(principal, ctx, 'orders.read', resourceOf(moved));
    if (stillVisible.allowed)
      return { order: moved, visibleToYou: true, departmentId: department.id, message: `Transferred to ${department.name}` };
    return {
      order: null,
      visibleToYou: false,
      departmentId: department.id,
      message: `Transferred to ${department.name}; you no longer see this order`,
    };
  }

  /** Every status of the workflow with whether the caller may move this order there, and why not. */
  async transitions(principal: Principal, ctx: RequestContext, orderId: string): Promise<OrderTransitionsResponseDto> {
    const order = await this.visible(principal, ctx, orderId);
    const workflow = await this.bus.request('workflow.workflows.get', ctx, { workflowId: order.workflowId });
    const transitions = await Promise.all(
      workflow.statuses.map(async (status) => {
        const base = {
          statusId: status.id,
          name: status.name,
          category: status.category,
          color: status.color,
          current: status.id === order.status.id,
        };
        if (base.current) return { ...base, allowed: false, code: 'ORDER.ALREADY_IN_STATUS', reason: 'The order is in this status' };
        if (status.archived) return { ...base, allowed: false, code: 'STATUS.ARCHIVED', reason: 'The status is archived' };
        const decision = await this.access.decide(principal, ctx, 'orders.update', { ...resourceOf(order), targetStatusId: status.id });
        return { ...base, allowed: decision.allowed, code: decision.code, reason: decision.reason, policyVersion: decision.policyVersion };
      }),
    );
    return { orderId: order.id, status: order.status, version: order.version, transitions };
  }

  private async department(ctx: RequestContext, departmentId: string): Promise<DepartmentView> {
    try {
      return await this.bus.request('directory.departments.get', ctx, { departmentId });
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') {
        throw DomainError.invalid('DEPARTMENT.UNKNOWN', 'departmentId', 'is not a department of this tenant');
      }
      throw error;
    }
  }
}
