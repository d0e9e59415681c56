import { Module } from '@nestjs/common';
import { CheckModule } from '../check/check.module';
import { PolicyModule } from '../policy/policy.module';
import { StatusAccessModule } from '../status-access/status-access.module';
import { DirectoryEventsConsumer } from './directory-events.consumer';
import { OrderRule } from './order.rule';
import { OrderVisibilityMessages } from './order-visibility.messages';
import { OrderVisibilityRepository } from './order-visibility.repository';
import { OrderVisibilityService } from './order-visibility.service';
import { ScopeFactsLoader } from './scope-facts.loader';

/**
 * Who sees which orders beyond status levels (DESIGN §3.4): departments, own orders of contacts,
 * client managers. Registers the `order` resource rule (status part + this part) and answers the
 * list scope; learns departments and client managers from directory events.
 */
@Module({
  imports: [CheckModule, PolicyModule, StatusAccessModule],
  controllers: [OrderVisibilityMessages],
  providers: [OrderVisibilityRepository, ScopeFactsLoader, OrderRule, OrderVisibilityService, DirectoryEventsConsumer],
})
export class OrderVisibilityModule {}
