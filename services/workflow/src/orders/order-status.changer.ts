import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { DomainError, newId } from '@warden/kernel';
import type { OrderView, OutgoingEvent } from '@warden/contracts';
import { orderStatusChanged } from './order.events';
import { planOrderStatusChange } from './order-status-change.policy';
import type { OrderStatusChangeRequest } from './order-status-change.policy';
import { OrderRepository } from './order.repository';

/**
 * The one way an order changes status, for a person (change-order-status.handler.ts) and for an automation rule
 * (automations/automation.runner.ts): the policy's checks, the status with its counters, the history entry and
 * `workflow.order.status-changed.v1`, all in the caller's transaction on the order it read under its row lock.
 */
@Injectable()
export class OrderStatusChanger {
  constructor(
    private readonly orders: OrderRepository,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async change(
    manager: EntityManager,
    tenantId: string,
    current: OrderView,
    targetStatusId: string,
    request: OrderStatusChangeRequest,
    automation?: { ruleId: string },
  ): Promise<OrderView> {
    const target = await this.orders.status(tenantId, targetStatusId, manager);
    const plan = planOrderStatusChange(current, target, request);
    if (plan instanceof DomainError) throw plan;
    await this.orders.moveToStatus(manager, tenantId, current, plan.target);
    await this.orders.addHistory(manager, tenantId, {
      id: newId(),
      orderId: current.id,
      ...plan.history,
      ...(automation ? { automation: { ruleId: automation.ruleId, note: null } } : {}),
    });
    const order = (await this.orders.get(tenantId, current.id, manager))!;
    await this.events.publish(orderStatusChanged(tenantId, order, plan.event), manager);
    return order;
  }
}
