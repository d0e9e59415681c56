import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { PeopleModule } from '../people/people.module';
import { AutomationRuleReferences } from './automation-rule.references';
import { AutomationRuleRepository } from './automation-rule.repository';
import { AutomationRunner } from './automation.runner';
import { AutomationsMessages } from './automations.messages';
import { AutomationsService } from './automations.service';
import { OrderCreatedAutomationConsumer } from './order-created-automation.consumer';
import { OrderStatusChangedAutomationConsumer } from './order-status-changed-automation.consumer';

/** Automation rules per tenant and their runs on new orders and status changes (docs/rules.md#automation). */
@Module({
  imports: [OrdersModule, PeopleModule],
  controllers: [AutomationsMessages],
  providers: [
    AutomationRuleRepository,
    AutomationRuleReferences,
    AutomationRunner,
    AutomationsService,
    OrderCreatedAutomationConsumer,
    OrderStatusChangedAutomationConsumer,
  ],
})
export class AutomationsModule {}
