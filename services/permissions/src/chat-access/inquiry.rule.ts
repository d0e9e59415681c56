import { Injectable } from '@nestjs/common';
import type { DecisionStep } from '@warden/contracts';
import type { ResourceRule, ResourceRuleInput, ResourceRuleOutcome } from '../check/resource-rule';
import { ChatAccessEvaluator } from './chat-access.evaluator';

/**
 * Resource type `inquiry` (`resource.inquiryId`): `inquiry.see`, `inquiry.post`, `inquiry.close`,
 * `inquiry.reassign`, and `inquiry.assign-branch` (with `resource.assigneeId`: may reassign it to
 * that employee, whose branches the person may not access), by chat-access.policy.ts.
 */
@Injectable()
export class InquiryRule implements ResourceRule {
  readonly resourceType = 'inquiry';

  constructor(private readonly evaluator: ChatAccessEvaluator) {}

  evaluate(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    return this.evaluator.evaluate('inquiry', input, steps);
  }
}
