import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { EventSubscriber } from '@warden/messaging';
import { OrderCreatedV1 } from '@warden/contracts';
import { AutomationRuleRepository } from './automation-rule.repository';
import { AutomationRunner } from './automation.runner';

/**
 * Runs the tenant's active `order.created` rules on each new order, from this service's own event (after the
 * order's commit), through the inbox: a redelivery finds the event handled and runs nothing twice.
 */
@Injectable()
export class OrderCreatedAutomationConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly rules: AutomationRuleRepository,
    private readonly runner: AutomationRunner,
  ) {}

  onModuleInit(): void {
    this.events.on(OrderCreatedV1, async (event, manager) => {
      const tenantId = event.tenantid;
      const rules = await this.rules.activeFor(manager, tenantId, 'order.created');
      if (rules.length === 0) return;
      await this.runner.run(manager, { tenantId, actorId: null, requestId: event.id }, 'order.created', rules, event.data.orderId);
    });
  }
}
