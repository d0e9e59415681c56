import { Module } from '@nestjs/common';
import { WorkflowsModule } from '../workflows/workflows.module';
import { AddOrderCommentHandler } from './add-order-comment.handler';
import { ChangeOrderStatusHandler } from './change-order-status.handler';
import { CreateOrderHandler } from './create-order.handler';
import { DiffOrderSightHandler } from './diff-order-sight.handler';
import { GetInitialStatusesHandler } from './get-initial-statuses.handler';
import { GetOrderHistoryHandler } from './get-order-history.handler';
import { GetOrderHandler } from './get-order.handler';
import { InboundTicketConsumer } from './inbound-ticket.consumer';
import { ListOrderCommentsHandler } from './list-order-comments.handler';
import { ListOrdersHandler } from './list-orders.handler';
import { OrderCommentRepository } from './order-comment.repository';
import { OrderCommentsMessages } from './order-comments.messages';
import { OrderOpener } from './order.opener';
import { OrderReferences } from './order-references';
import { OrderStatusChanger } from './order-status.changer';
import { OrderSightRepository } from './order-sight.repository';
import { OrderRepository } from './order.repository';
import { OrdersMessages } from './orders.messages';
import { TransferOrderHandler } from './transfer-order.handler';
import { UpdateOrderHandler } from './update-order.handler';

@Module({
  imports: [WorkflowsModule],
  controllers: [OrdersMessages, OrderCommentsMessages],
  providers: [
    OrderRepository,
    OrderReferences,
    OrderOpener,
    GetOrderHandler,
    GetOrderHistoryHandler,
    ListOrdersHandler,
    GetInitialStatusesHandler,
    CreateOrderHandler,
    UpdateOrderHandler,
    OrderStatusChanger,
    ChangeOrderStatusHandler,
    TransferOrderHandler,
    OrderSightRepository,
    DiffOrderSightHandler,
    OrderCommentRepository,
    ListOrderCommentsHandler,
    AddOrderCommentHandler,
    InboundTicketConsumer,
  ],
  exports: [OrderRepository, OrderStatusChanger, OrderCommentRepository],
})
export class OrdersModule {}
