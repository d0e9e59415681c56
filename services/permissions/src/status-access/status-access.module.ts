import { Module } from '@nestjs/common';
import { CheckModule } from '../check/check.module';
import { PolicyModule } from '../policy/policy.module';
import { OrderStatusRule } from './order-status.rule';
import { StatusAccessMessages } from './status-access.messages';
import { StatusAccessRepository } from './status-access.repository';
import { StatusAccessService } from './status-access.service';
import { WorkflowChangedConsumer } from './workflow-changed.consumer';

/** Per-status access levels of orders and tasks (docs/rules.md#orders) and the status part of the `order` resource rule. */
@Module({
  imports: [CheckModule, PolicyModule],
  controllers: [StatusAccessMessages],
  providers: [StatusAccessRepository, StatusAccessService, OrderStatusRule, WorkflowChangedConsumer],
  exports: [OrderStatusRule, StatusAccessService, StatusAccessRepository],
})
export class StatusAccessModule {}
