import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { EventSubscriber } from '@warden/messaging';
import { OrderCommentAddedV1 } from '@warden/contracts';
import { AutomationRuleRepository } from './automation-rule.repository';
import { AutomationRunner } from './automation.runner';

/**
 * Runs the tenant's active `order.inbound-message` rules when a client's message arrives through a channel on an
 * open ticket (services/workflow/src/orders/inbound-ticket.consumer.ts adds it as the contact's public comment). A
 * message that opens a ticket is `order.created`; a rule's own note is internal and inbound of nothing, so it
 * starts no rule: every chain stays one rule set deep, as for the other triggers.
 */
@Injectable()
export class InboundMessageAutomationConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly rules: AutomationRuleRepository,
    private readonly runner: AutomationRunner,
  ) {}

  onModuleInit(): void {
    this.events.on(OrderCommentAddedV1, async (event, manager) => {
      if (!event.data.inboundMessageId) return;
      const tenantId = event.tenantid;
      const rules = await this.rules.activeFor(manager, tenantId, 'order.inbound-message');
      if (rules.length === 0) return;
      await this.runner.run(manager, { tenantId, actorId: null, requestId: event.id }, 'order.inbound-message', rules, event.data.orderId);
    });
  }
}
