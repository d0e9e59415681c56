import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { EventSubscriber } from '@warden/messaging';
import { OrderStatusChangedV1 } from '@warden/contracts';
import { AutomationRuleRepository } from './automation-rule.repository';
import { AutomationRunner } from './automation.runner';

/**
 * Runs the tenant's active `order.status-changed` rules after a person changed an order's status, through the inbox.
 * A change without an actor (the system's, or one a rule would make) starts no rules: that bounds every chain
 * at one rule set, whatever actions rules gain later.
 */
@Injectable()
export class OrderStatusChangedAutomationConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly rules: AutomationRuleRepository,
    private readonly runner: AutomationRunner,
  ) {}

  onModuleInit(): void {
    this.events.on(OrderStatusChangedV1, async (event, manager) => {
      if (!event.data.actorId) return;
      const tenantId = event.tenantid;
      const rules = await this.rules.activeFor(manager, tenantId, 'order.status-changed');
      if (rules.length === 0) return;
      const ctx = { tenantId, actorId: null, requestId: event.id };
      await this.runner.run(
        manager,
        ctx,
        'order.status-changed',
        rules,
        event.data.orderId,
        (order) => order.status.id === event.data.to.id,
      );
    });
  }
}
