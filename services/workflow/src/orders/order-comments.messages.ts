import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { OrderCommentView } from '@warden/contracts';
import { OrderCommentsService } from './order-comments.service';

@Controller()
export class OrderCommentsMessages {
  constructor(private readonly comments: OrderCommentsService) {}

  @RpcHandler('workflow.orders.comments.list')
  list(@Payload() message: RpcMessage<'workflow.orders.comments.list'>): Promise<Page<OrderCommentView>> {
    return this.comments.list(message.ctx.tenantId, message.data);
  }

  @RpcHandler('workflow.orders.comments.add')
  add(@Payload() message: RpcMessage<'workflow.orders.comments.add'>): Promise<OrderCommentView> {
    return this.comments.add(message.ctx, message.data);
  }
}
