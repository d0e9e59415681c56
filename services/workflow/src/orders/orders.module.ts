import { Module } from '@nestjs/common';
import { WorkflowsModule } from '../workflows/workflows.module';
import { InboundTicketConsumer } from './inbound-ticket.consumer';
import { OrderCommentRepository } from './order-comment.repository';
import { OrderCommentsMessages } from './order-comments.messages';
import { OrderCommentsService } from './order-comments.service';
import { OrderReferences } from './order-references';
import { OrderSightRepository } from './order-sight.repository';
import { OrderSightService } from './order-sight.service';
import { OrderRepository } from './order.repository';
import { OrdersMessages } from './orders.messages';
import { OrdersService } from './orders.service';

@Module({
  imports: [WorkflowsModule],
  controllers: [OrdersMessages, OrderCommentsMessages],
  providers: [
    OrderRepository,
    OrderReferences,
    OrdersService,
    OrderCommentRepository,
    OrderCommentsService,
    InboundTicketConsumer,
    OrderSightRepository,
    OrderSightService,
  ],
  exports: [OrderRepository],
})
export class OrdersModule {}
