import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type { DecisionStep } from '@warden/contracts';
import { ResourceRuleRegistry } from '../check/resource-rule.registry';
import type { ResourceRule, ResourceRuleInput, ResourceRuleOutcome } from '../check/resource-rule';
import { ChatAccessEvaluator } from './chat-access.evaluator';

/**
 * Resource type `conversation` (`resource.conversationId`): `conversation.see` (read it, its
 * messages, mark them read) and `conversation.post`, by chat-access.policy.ts.
 */
@Injectable()
export class ConversationRule implements ResourceRule, OnModuleInit {
  readonly resourceType = 'conversation';

  constructor(
    private readonly registry: ResourceRuleRegistry,
    private readonly evaluator: ChatAccessEvaluator,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  evaluate(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    return this.evaluator.evaluate('conversation', input, steps);
  }
}
