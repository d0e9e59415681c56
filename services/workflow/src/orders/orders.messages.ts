import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { OrderHistoryEntry, OrderStartingStatuses, OrderView, RpcResponse } from '@warden/contracts';
import { ChangeOrderStatusCommand } from './change-order-status.handler';
import { CreateOrderCommand } from './create-order.handler';
import { DiffOrderSightQuery } from './diff-order-sight.handler';
import { GetInitialStatusesQuery } from './get-initial-statuses.handler';
import { GetOrderHistoryQuery } from './get-order-history.handler';
import { GetOrderQuery } from './get-order.handler';
import { ListOrdersQuery } from './list-orders.handler';
import { TransferOrderCommand } from './transfer-order.handler';
import { UpdateOrderCommand } from './update-order.handler';

/** The order RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class OrdersMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('workflow.orders.create')
  create(@Payload() message: RpcMessage<'workflow.orders.create'>): Promise<OrderView> {
    return this.commands.execute(new CreateOrderCommand(message.ctx, message.data));
  }

  @RpcHandler('workflow.orders.initial-statuses')
  initialStatuses(@Payload() message: RpcMessage<'workflow.orders.initial-statuses'>): Promise<OrderStartingStatuses> {
    return this.queries.execute(new GetInitialStatusesQuery(message.ctx.tenantId, message.data.workflowId));
  }

  @RpcHandler('workflow.orders.list')
  list(@Payload() message: RpcMessage<'workflow.orders.list'>): Promise<Page<OrderView>> {
    return this.queries.execute(new ListOrdersQuery(message.ctx.tenantId, message.data));
  }

  @RpcHandler('workflow.orders.sight-diff')
  sightDiff(@Payload() message: RpcMessage<'workflow.orders.sight-diff'>): Promise<RpcResponse<'workflow.orders.sight-diff'>> {
    return this.queries.execute(new DiffOrderSightQuery(message.ctx.tenantId, message.data.pairs));
  }

  @RpcHandler('workflow.orders.get')
  get(@Payload() message: RpcMessage<'workflow.orders.get'>): Promise<OrderView> {
    return this.queries.execute(new GetOrderQuery(message.ctx.tenantId, message.data.orderId));
  }

  @RpcHandler('workflow.orders.update')
  update(@Payload() message: RpcMessage<'workflow.orders.update'>): Promise<OrderView> {
    return this.commands.execute(new UpdateOrderCommand(message.ctx, message.data));
  }

  @RpcHandler('workflow.orders.change-status')
  changeStatus(@Payload() message: RpcMessage<'workflow.orders.change-status'>): Promise<OrderView> {
    return this.commands.execute(new ChangeOrderStatusCommand(message.ctx, message.data));
  }

  @RpcHandler('workflow.orders.transfer')
  transfer(@Payload() message: RpcMessage<'workflow.orders.transfer'>): Promise<OrderView> {
    return this.commands.execute(new TransferOrderCommand(message.ctx, message.data));
  }

  @RpcHandler('workflow.orders.history')
  history(@Payload() message: RpcMessage<'workflow.orders.history'>): Promise<OrderHistoryEntry[]> {
    return this.queries.execute(new GetOrderHistoryQuery(message.ctx.tenantId, message.data.orderId));
  }
}
