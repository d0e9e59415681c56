import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { OrderView } from '@warden/contracts';
import { existingOrder } from './order.check';
import { OrderRepository } from './order.repository';

export class GetOrderQuery extends Query<OrderView> {
  constructor(
    readonly tenantId: string,
    readonly orderId: string,
  ) {
    super();
  }
}

@QueryHandler(GetOrderQuery)
export class GetOrderHandler implements IQueryHandler<GetOrderQuery> {
  constructor(private readonly orders: OrderRepository) {}

  execute({ tenantId, orderId }: GetOrderQuery): Promise<OrderView> {
    return existingOrder(this.orders, tenantId, orderId);
  }
}
