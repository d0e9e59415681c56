import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { EventSubscriber } from '@warden/messaging';
import { OrderTransferredV1 } from '@warden/contracts';
import type { OrderView } from '@warden/contracts';
import { AutomationRuleRepository } from './automation-rule.repository';
import { AutomationRunner } from './automation.runner';

/**
 * Runs the tenant's active `order.transferred` rules after a person moved an order to another department, through
 * the inbox. A transfer without an actor (a rule's `set-department`) starts no rules, as for status changes
 * (order-status-changed-automation.consumer.ts): every chain stays one rule set deep.
 */
@Injectable()
export class OrderTransferredAutomationConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly rules: AutomationRuleRepository,
    private readonly runner: AutomationRunner,
  ) {}

  onModuleInit(): void {
    this.events.on(OrderTransferredV1, async (event, manager) => {
      if (!event.data.actorId) return;
      const tenantId = event.tenantid;
      const rules = await this.rules.activeFor(manager, tenantId, 'order.transferred');
      if (rules.length === 0) return;
      const ctx = { tenantId, actorId: null, requestId: event.id };
      const stillThere = (order: OrderView) => order.departmentId === event.data.toDepartmentId;
      await this.runner.run(manager, ctx, 'order.transferred', rules, event.data.orderId, stillThere);
    });
  }
}
