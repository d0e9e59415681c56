import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { CheckMessages } from './check.messages';
import { CheckRepository } from './check.repository';
import { CheckAccessHandler } from './check-access.handler';
import { DecisionEvaluator } from './decision.evaluator';
import { ExplainDecisionHandler } from './explain-decision.handler';
import { ResourceRuleRegistry } from './resource-rule.registry';

/**
 * Answers check and explain. The resource rules come from other folders; PermissionsModule registers
 * them, all listed in ../resource-rules.ts.
 */
@Module({
  imports: [PolicyModule],
  controllers: [CheckMessages],
  providers: [CheckRepository, ResourceRuleRegistry, DecisionEvaluator, CheckAccessHandler, ExplainDecisionHandler],
  exports: [ResourceRuleRegistry, CheckRepository],
})
export class CheckModule {}
