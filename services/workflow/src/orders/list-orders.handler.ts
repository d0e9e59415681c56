import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { decodeCursor, DomainError, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import type { ListOrdersData, OrderView } from '@warden/contracts';
import { OrderRepository } from './order.repository';
import { tagOf } from './order-tags.policy';

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
    // `?tag=VIP` finds the orders tagged `vip`; what can be no tag is refused rather than matching nothing (empty, as
    // an empty search: no filter).
    const tag = data.tag ? tagOf(data.tag, 'tag') : undefined;
    if (tag instanceof DomainError) throw tag;
    // The scope is required by the request's class (a caller that forgot the rule must not see everything).
    if (statusIds.length === 0) return { items: [], nextCursor: null, total: 0 };
    const query = {
      statusIds,
      scope: data.scope,
      departmentId: data.departmentId,
      clientCompanyId: data.clientCompanyId,
      search: data.search || undefined,
      tag,
      afterId: after?.id,
      limit: data.limit,
    };
    const [rows, total] = await Promise.all([this.orders.list(tenantId, query), this.orders.count(tenantId, query)]);
    return toPage(rows, data.limit, (order) => ({ key: order.id, id: order.id }), total);
  }
}
