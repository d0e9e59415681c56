import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError, newId } from '@warden/kernel';
import type { OrderView, OutgoingEvent, RequestContext, TransferOrderData } from '@warden/contracts';
import { existingOrder } from './order.check';
import { orderTransferred } from './order.events';
import { OrderReferences } from './order-references';
import { planOrderTransfer } from './order-transfer.policy';
import { OrderRepository } from './order.repository';

export class TransferOrderCommand extends Command<OrderView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: TransferOrderData,
  ) {
    super();
  }
}

/** Moves the order to another department of the tenant: history entry and event, the status stays. */
@CommandHandler(TransferOrderCommand)
export class TransferOrderHandler implements ICommandHandler<TransferOrderCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly references: OrderReferences,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, data }: TransferOrderCommand): Promise<OrderView> {
    const tenantId = ctx.tenantId;
    const departmentId = await this.references.department(ctx, data.departmentId);
    return this.dataSource.transaction(async (tx) => {
      const current = await existingOrder(this.orders, tenantId, data.orderId, tx, true);
      const plan = planOrderTransfer(current, { ...data, departmentId, actorId: ctx.actorId });
      if (plan instanceof DomainError) throw plan;
      await this.orders.moveToDepartment(tx, tenantId, current, plan.departmentId);
      await this.orders.addHistory(tx, tenantId, { id: newId(), orderId: current.id, ...plan.history });
      const order = (await this.orders.get(tenantId, current.id, tx))!;
      await this.events.publish(orderTransferred(tenantId, order, plan.event), tx);
      return order;
    });
  }
}
