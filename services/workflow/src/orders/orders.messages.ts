import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { OrderHistoryEntry, OrderStartingStatuses, OrderView, RpcResponse } from '@warden/contracts';
import { OrderSightService } from './order-sight.service';
import { OrdersService } from './orders.service';

@Controller()
export class OrdersMessages {
  constructor(
    private readonly orders: OrdersService,
    private readonly sight: OrderSightService,
  ) {}

  @RpcHandler('workflow.orders.create')
  create(@Payload() message: RpcMessage<'workflow.orders.create'>): Promise<OrderView> {
    return this.orders.create(message.ctx, message.data);
  }

  @RpcHandler('workflow.orders.initial-statuses')
  initialStatuses(@Payload() message: RpcMessage<'workflow.orders.initial-statuses'>): Promise<OrderStartingStatuses> {
    return this.orders.initialStatuses(message.ctx.tenantId, message.data.workflowId);
  }

  @RpcHandler('workflow.orders.list')
  list(@Payload() message: RpcMessage<'workflow.orders.list'>): Promise<Page<OrderView>> {
    return this.orders.list(message.ctx.tenantId, message.data);
  }

  @RpcHandler('workflow.orders.sight-diff')
  sightDiff(@Payload() message: RpcMessage<'workflow.orders.sight-diff'>): Promise<RpcResponse<'workflow.orders.sight-diff'>> {
    return this.sight.diff(message.ctx.tenantId, message.data.pairs);
  }

  @RpcHandler('workflow.orders.get')
  get(@Payload() message: RpcMessage<'workflow.orders.get'>): Promise<OrderView> {
    return this.orders.get(message.ctx.tenantId, message.data.orderId);
  }

  @RpcHandler('workflow.orders.update')
  update(@Payload() message: RpcMessage<'workflow.orders.update'>): Promise<OrderView> {
    return this.orders.update(message.ctx, message.data);
  }

  @RpcHandler('workflow.orders.change-status')
  changeStatus(@Payload() message: RpcMessage<'workflow.orders.change-status'>): Promise<OrderView> {
    return this.orders.changeStatus(message.ctx, message.data);
  }

  @RpcHandler('workflow.orders.transfer')
  transfer(@Payload() message: RpcMessage<'workflow.orders.transfer'>): Promise<OrderView> {
    return this.orders.transfer(message.ctx, message.data);
  }

  @RpcHandler('workflow.orders.history')
  history(@Payload() message: RpcMessage<'workflow.orders.history'>): Promise<OrderHistoryEntry[]> {
    return this.orders.history(message.ctx.tenantId, message.data.orderId);
  }
}
