import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { PeopleModule } from '../people/people.module';
import { AutomationRuleReferences } from './automation-rule.references';
import { AutomationRuleRepository } from './automation-rule.repository';
import { AutomationRunner } from './automation.runner';
import { AutomationsMessages } from './automations.messages';
import { CreateAutomationHandler } from './create-automation.handler';
import { DeleteAutomationHandler } from './delete-automation.handler';
import { DryRunAutomationHandler } from './dry-run-automation.handler';
import { GetAutomationHandler } from './get-automation.handler';
import { InboundMessageAutomationConsumer } from './inbound-message-automation.consumer';
import { ListAutomationsHandler } from './list-automations.handler';
import { OrderCreatedAutomationConsumer } from './order-created-automation.consumer';
import { OrderStatusChangedAutomationConsumer } from './order-status-changed-automation.consumer';
import { OrderTransferredAutomationConsumer } from './order-transferred-automation.consumer';
import { UpdateAutomationHandler } from './update-automation.handler';

/** Automation rules per tenant and their runs on new orders, status changes, transfers and clients' messages (docs/rules.md#automation). */
@Module({
  imports: [OrdersModule, PeopleModule],
  controllers: [AutomationsMessages],
  providers: [
    AutomationRuleRepository,
    AutomationRuleReferences,
    AutomationRunner,
    ListAutomationsHandler,
    GetAutomationHandler,
    CreateAutomationHandler,
    UpdateAutomationHandler,
    DeleteAutomationHandler,
    DryRunAutomationHandler,
    OrderCreatedAutomationConsumer,
    OrderStatusChangedAutomationConsumer,
    OrderTransferredAutomationConsumer,
    InboundMessageAutomationConsumer,
  ],
})
export class AutomationsModule {}
