import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type { DecisionStep } from '@warden/contracts';
import { ResourceRuleRegistry } from '../check/resource-rule.registry';
import type { ResourceRule, ResourceRuleInput, ResourceRuleOutcome } from '../check/resource-rule';
import { ChatAccessEvaluator } from './chat-access.evaluator';
import { ConversationStartEvaluator } from './conversation-start.evaluator';

/**
 * Resource type `conversation`: `conversation.see` (read it, its messages, mark them read) and
 * `conversation.post` (`resource.conversationId`), by chat-access.policy.ts; `conversation.start`
 * (`resource.kind`, `employeeIds`, `contactIds`), by conversation-start.policy.ts.
 */
@Injectable()
export class ConversationRule implements ResourceRule, OnModuleInit {
  readonly resourceType = 'conversation';

  constructor(
    private readonly registry: ResourceRuleRegistry,
    private readonly evaluator: ChatAccessEvaluator,
    private readonly start: ConversationStartEvaluator,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  evaluate(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    if (input.action === 'conversation.start') return this.start.evaluate(input, steps);
    return this.evaluator.evaluate('conversation', input, steps);
  }
}
