import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import type { AddOrderCommentData, OrderCommentView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { existingOrder } from './order.check';
import { orderCommentAdded } from './order.events';
import { commentRefusal } from './order-comment.policy';
import { OrderCommentRepository } from './order-comment.repository';
import { OrderRepository } from './order.repository';

export class AddOrderCommentCommand extends Command<OrderCommentView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: AddOrderCommentData,
  ) {
    super();
  }
}

/**
 * An internal note or a public reply on the order, with its `workflow.order.comment-added.v1` in one transaction.
 * Who may write it was decided by the gateway against the order's visibility.
 */
@CommandHandler(AddOrderCommentCommand)
export class AddOrderCommentHandler implements ICommandHandler<AddOrderCommentCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly comments: OrderCommentRepository,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, data }: AddOrderCommentCommand): Promise<OrderCommentView> {
    const refusal = commentRefusal(data);
    if (refusal) throw refusal;
    const order = await existingOrder(this.orders, ctx.tenantId, data.orderId);
    return this.dataSource.transaction(async (tx) => {
      const comment = await this.comments.insert(tx, ctx.tenantId, {
        id: newId(),
        orderId: order.id,
        visibility: data.visibility,
        authorId: ctx.actorId,
        authorKind: data.authorKind,
        body: data.body,
        inboundMessageId: null,
      });
      await this.events.publish(orderCommentAdded(ctx.tenantId, order, comment), tx);
      return comment;
    });
  }
}
