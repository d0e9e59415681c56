import { Module } from '@nestjs/common';
import { OrdersModule } from './orders/orders.module';
import { WorkflowsModule } from './workflows/workflows.module';

@Module({ imports: [WorkflowsModule, OrdersModule] })
export class WorkflowModule {}
