import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { decodeCursor, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import type { ListOrdersData, OrderView } from '@warden/contracts';
import { OrderRepository } from './order.repository';

export class ListOrdersQuery extends Query<Page<OrderView>> {
  constructor(
    readonly tenantId: string,
    readonly data: ListOrdersData,
  ) {
    super();
  }
}

/** A page of the orders the caller sees: the visible statuses and the scope come with the request (order-sight.filter.ts). */
@QueryHandler(ListOrdersQuery)
export class ListOrdersHandler implements IQueryHandler<ListOrdersQuery> {
  constructor(private readonly orders: OrderRepository) {}

  async execute({ tenantId, data }: ListOrdersQuery): Promise<Page<OrderView>> {
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
}
