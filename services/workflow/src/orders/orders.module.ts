import { Module } from '@nestjs/common';
import { WorkflowsModule } from '../workflows/workflows.module';
import { InboundTicketConsumer } from './inbound-ticket.consumer';
import { OrderReferences } from './order-references';
import { OrderRepository } from './order.repository';
import { OrdersMessages } from './orders.messages';
import { OrdersService } from './orders.service';

@Module({
  imports: [WorkflowsModule],
  controllers: [OrdersMessages],
  providers: [OrderRepository, OrderReferences, OrdersService, InboundTicketConsumer],
})
export class OrdersModule {}
