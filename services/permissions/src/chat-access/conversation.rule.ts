import { Injectable } from '@nestjs/common';
import type { DecisionStep } from '@warden/contracts';
import type { ResourceRule, ResourceRuleInput, ResourceRuleOutcome } from '../check/resource-rule';
import { ChatAccessEvaluator } from './chat-access.evaluator';
import { ConversationStartEvaluator } from './conversation-start.evaluator';

/**
 * Resource type `conversation`: `conversation.see` (read it, its messages, mark them read) and
 * `conversation.post` (`resource.conversationId`), by chat-access.policy.ts; `conversation.start`
 * (`resource.kind`, `employeeIds`, `contactIds`), by conversation-start.policy.ts.
 */
@Injectable()
export class ConversationRule implements ResourceRule {
  readonly resourceType = 'conversation';

  constructor(
    private readonly evaluator: ChatAccessEvaluator,
    private readonly start: ConversationStartEvaluator,
  ) {}

  evaluate(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    if (input.action === 'conversation.start') return this.start.evaluate(input, steps);
    return this.evaluator.evaluate('conversation', input, steps);
  }
}
