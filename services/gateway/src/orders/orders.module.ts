import { Module } from '@nestjs/common';
import { OrderAccessService } from './order-access.service';
import { OrdersController } from './orders.controller';

@Module({ controllers: [OrdersController], providers: [OrderAccessService] })
export class OrdersModule {}
