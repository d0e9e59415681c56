import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { OrderCommentView } from '@warden/contracts';
import { AddOrderCommentCommand } from './add-order-comment.handler';
import { ListOrderCommentsQuery } from './list-order-comments.handler';

/** The order comment RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class OrderCommentsMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('workflow.orders.comments.list')
  list(@Payload() message: RpcMessage<'workflow.orders.comments.list'>): Promise<Page<OrderCommentView>> {
    return this.queries.execute(new ListOrderCommentsQuery(message.ctx.tenantId, message.data));
  }

  @RpcHandler('workflow.orders.comments.add')
  add(@Payload() message: RpcMessage<'workflow.orders.comments.add'>): Promise<OrderCommentView> {
    return this.commands.execute(new AddOrderCommentCommand(message.ctx, message.data));
  }
}
