import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { OrderHistoryEntry } from '@warden/contracts';
import { existingOrder } from './order.check';
import { OrderRepository } from './order.repository';

export class GetOrderHistoryQuery extends Query<OrderHistoryEntry[]> {
  constructor(
    readonly tenantId: string,
    readonly orderId: string,
  ) {
    super();
  }
}

/** Status changes, transfers and rule runs of the order, oldest first. */
@QueryHandler(GetOrderHistoryQuery)
export class GetOrderHistoryHandler implements IQueryHandler<GetOrderHistoryQuery> {
  constructor(private readonly orders: OrderRepository) {}

  async execute({ tenantId, orderId }: GetOrderHistoryQuery): Promise<OrderHistoryEntry[]> {
    await existingOrder(this.orders, tenantId, orderId);
    return this.orders.history(tenantId, orderId);
  }
}
