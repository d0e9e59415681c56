import { Module } from '@nestjs/common';
import { CheckModule } from '../check/check.module';
import { PolicyModule } from '../policy/policy.module';
import { StatusAccessModule } from '../status-access/status-access.module';
import { DirectoryEventsConsumer } from './directory-events.consumer';
import { EquipmentRule } from './equipment.rule';
import { GetOrderVisibilityScopeHandler } from './get-order-visibility-scope.handler';
import { GetProjectVisibilityScopeHandler } from './get-project-visibility-scope.handler';
import { OrderRule } from './order.rule';
import { OrderVisibilityMessages } from './order-visibility.messages';
import { OrderVisibilityRepository } from './order-visibility.repository';
import { ParticipantRule } from './participant.rule';
import { ProjectRule } from './project.rule';
import { ScopeFactsLoader } from './scope-facts.loader';
import { TemplateRule } from './template.rule';

/**
 * Access to orders beyond status levels (departments, own orders of contacts, client managers,
 * transfers) and which projects, templates, participants and equipment a client may use (its own
 * company's). Provides the `order`, `project`, `template`, `participant` and `equipment` resource
 * rules (registered from ../resource-rules.ts) and answers their list scopes; learns departments,
 * client managers and contacts' companies from directory events.
 */
@Module({
  imports: [CheckModule, PolicyModule, StatusAccessModule],
  controllers: [OrderVisibilityMessages],
  providers: [
    OrderVisibilityRepository,
    ScopeFactsLoader,
    OrderRule,
    ProjectRule,
    TemplateRule,
    ParticipantRule,
    EquipmentRule,
    GetOrderVisibilityScopeHandler,
    GetProjectVisibilityScopeHandler,
    DirectoryEventsConsumer,
  ],
  exports: [OrderVisibilityRepository, ScopeFactsLoader],
})
export class OrderAccessModule {}
