import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ChangeOrderStatusData, OrderView, RequestContext } from '@warden/contracts';
import { existingOrder } from './order.check';
import { OrderStatusChanger } from './order-status.changer';
import { OrderRepository } from './order.repository';

export class ChangeOrderStatusCommand extends Command<OrderView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: ChangeOrderStatusData,
  ) {
    super();
  }
}

/**
 * Moves the order to another status of its workflow under optimistic concurrency: the order row, its history
 * entry (with the permission decision) and its event in one transaction (order-status.changer.ts). Whether the caller may set the
 * status was decided by the permissions service before the request got here.
 */
@CommandHandler(ChangeOrderStatusCommand)
export class ChangeOrderStatusHandler implements ICommandHandler<ChangeOrderStatusCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly changer: OrderStatusChanger,
  ) {}

  async execute({ ctx, data }: ChangeOrderStatusCommand): Promise<OrderView> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      const current = await existingOrder(this.orders, tenantId, data.orderId, tx, true);
      return this.changer.change(tx, tenantId, current, data.targetStatusId, { ...data, actorId: ctx.actorId });
    });
  }
}
