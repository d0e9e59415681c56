import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { CheckMessages } from './check.messages';
import { CheckRepository } from './check.repository';
import { CheckService } from './check.service';
import { ResourceRuleRegistry } from './resource-rule.registry';

/**
 * Answers check and explain. Modules with resource rules import this module and call
 * `ResourceRuleRegistry.register(rule)` in their onModuleInit.
 */
@Module({
  imports: [PolicyModule],
  controllers: [CheckMessages],
  providers: [CheckRepository, CheckService, ResourceRuleRegistry],
  exports: [ResourceRuleRegistry, CheckRepository],
})
export class CheckModule {}
