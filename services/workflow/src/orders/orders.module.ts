import { Module } from '@nestjs/common';
import { WorkflowsModule } from '../workflows/workflows.module';
import { OrderRepository } from './order.repository';
import { OrdersMessages } from './orders.messages';
import { OrdersService } from './orders.service';

@Module({
  imports: [WorkflowsModule],
  controllers: [OrdersMessages],
  providers: [OrderRepository, OrdersService],
})
export class OrdersModule {}
