import { Module } from '@nestjs/common';
import { CompanyOrdersController } from './company-orders.controller';
import { OrderAccessService } from './order-access.service';
import { OrdersController } from './orders.controller';

@Module({ controllers: [OrdersController, CompanyOrdersController], providers: [OrderAccessService] })
export class OrdersModule {}
