import { Module } from '@nestjs/common';
import { CompanyOrdersController } from './company-orders.controller';
import { OrderAccessService } from './order-access.service';
import { OrderCommentsController } from './order-comments.controller';
import { OrdersController } from './orders.controller';

@Module({
  controllers: [OrdersController, CompanyOrdersController, OrderCommentsController],
  providers: [OrderAccessService],
  exports: [OrderAccessService],
})
export class OrdersModule {}
