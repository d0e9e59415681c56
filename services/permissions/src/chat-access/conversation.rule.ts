import { Injectable } from '@nestjs/common';
import type { DecisionStep } from '@warden/contracts';
import type { ResourceRule, ResourceRuleInput, ResourceRuleOutcome } from '../check/resource-rule';
import { ChatAccessEvaluator } from './chat-access.evaluator';

/**
 * Resource type `conversation` (`resource.conversationId`): `conversation.see` (read it, its
 * messages, mark them read) and `conversation.post`, by chat-access.policy.ts.
 */
@Injectable()
export class ConversationRule implements ResourceRule {
  readonly resourceType = 'conversation';

  constructor(private readonly evaluator: ChatAccessEvaluator) {}

  evaluate(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    return this.evaluator.evaluate('conversation', input, steps);
  }
}
