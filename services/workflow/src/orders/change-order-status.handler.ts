import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError, newId } from '@warden/kernel';
import type { ChangeOrderStatusData, OrderView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { existingOrder } from './order.check';
import { orderStatusChanged } from './order.events';
import { planOrderStatusChange } from './order-status-change.policy';
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
 * entry (with the permission decision) and its event in one transaction. Whether the caller may set the
 * status was decided by the permissions service before the request got here.
 */
@CommandHandler(ChangeOrderStatusCommand)
export class ChangeOrderStatusHandler implements ICommandHandler<ChangeOrderStatusCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, data }: ChangeOrderStatusCommand): Promise<OrderView> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      const current = await existingOrder(this.orders, tenantId, data.orderId, tx, true);
      const target = await this.orders.status(tenantId, data.targetStatusId, tx);
      const plan = planOrderStatusChange(current, target, { ...data, actorId: ctx.actorId });
      if (plan instanceof DomainError) throw plan;
      await this.orders.moveToStatus(tx, tenantId, current, plan.target);
      await this.orders.addHistory(tx, tenantId, { id: newId(), orderId: current.id, ...plan.history });
      const order = (await this.orders.get(tenantId, current.id, tx))!;
      await this.events.publish(orderStatusChanged(tenantId, order, plan.event), tx);
      return order;
    });
  }
}
