import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError, newId } from '@warden/kernel';
import type { OrderView, OutgoingEvent, RequestContext, UpdateOrderData } from '@warden/contracts';
import { existingOrder } from './order.check';
import { orderTagsChanged } from './order.events';
import { OrderReferences } from './order-references';
import { orderDepartmentRefusal, orderFieldsRefusal, planOrderUpdate } from './order-update.policy';
import { OrderRepository } from './order.repository';

export class UpdateOrderCommand extends Command<OrderView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: UpdateOrderData,
  ) {
    super();
  }
}

/**
 * Field changes of an order (its department only by transfer). A new client is checked with the directory
 * before the transaction; the change is then planned again on the order under its row lock. A new set of tags
 * that adds or removes any is recorded in the history (`tags`) and published (`workflow.order.tags-changed.v1`)
 * in the same transaction.
 */
@CommandHandler(UpdateOrderCommand)
export class UpdateOrderHandler implements ICommandHandler<UpdateOrderCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly references: OrderReferences,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, data }: UpdateOrderCommand): Promise<OrderView> {
    const tenantId = ctx.tenantId;
    const { clientContactId, equipmentId } = data.changes;
    const badFields = orderFieldsRefusal(data.changes);
    if (badFields) throw badFields;
    const before = await existingOrder(this.orders, tenantId, data.orderId);
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
      const current = await existingOrder(this.orders, tenantId, before.id, tx, true);
      const plan = planOrderUpdate(before, current, data, client);
      if (plan instanceof DomainError) throw plan;
      await this.orders.updateFields(tx, tenantId, current.id, plan.fields, plan.client);
      const order = (await this.orders.get(tenantId, current.id, tx))!;
      if (plan.tags) {
        const status = { id: order.status.id, name: order.status.name };
        const actorId = ctx.actorId;
        await this.orders.addHistory(tx, tenantId, {
          id: newId(),
          orderId: order.id,
          from: status,
          to: status,
          actorId,
          decision: null,
          tags: plan.tags,
        });
        await this.events.publish(orderTagsChanged(tenantId, order, plan.tags, { actorId, automationRuleId: null }), tx);
      }
      return order;
    });
  }
}
