import { Module } from '@nestjs/common';
import { CheckModule } from '../check/check.module';
import { PolicyModule } from '../policy/policy.module';
import { GetGroupStatusAccessHandler } from './get-group-status-access.handler';
import { GetPersonStatusAccessHandler } from './get-person-status-access.handler';
import { GetVisibleStatusesHandler } from './get-visible-statuses.handler';
import { OrderStatusRule } from './order-status.rule';
import { PutGroupStatusAccessHandler } from './put-group-status-access.handler';
import { PutPersonStatusAccessHandler } from './put-person-status-access.handler';
import { StatusAccessMessages } from './status-access.messages';
import { StatusAccessRepository } from './status-access.repository';
import { WorkflowChangedConsumer } from './workflow-changed.consumer';

/** Per-status access levels of orders and tasks (docs/rules.md#orders) and the status part of the `order` resource rule. */
@Module({
  imports: [CheckModule, PolicyModule],
  controllers: [StatusAccessMessages],
  providers: [
    StatusAccessRepository,
    OrderStatusRule,
    WorkflowChangedConsumer,
    GetVisibleStatusesHandler,
    GetPersonStatusAccessHandler,
    PutPersonStatusAccessHandler,
    GetGroupStatusAccessHandler,
    PutGroupStatusAccessHandler,
  ],
  exports: [OrderStatusRule, StatusAccessRepository],
})
export class StatusAccessModule {}
