import { Injectable } from '@nestjs/common';
import { isUuid } from '@warden/kernel';
import type { DecisionStep } from '@warden/contracts';
import type { ResourceRule, ResourceRuleInput, ResourceRuleOutcome } from '../check/resource-rule';
import { OrderVisibilityRepository } from './order-visibility.repository';
import { checkParticipant } from './project-visibility.policy';
import { ScopeFactsLoader } from './scope-facts.loader';

/**
 * Resource type `participant` (`resource.personId`): whether the person may name someone as a
 * participant of a task, which shows that person the task. A client may not pull another client's
 * contacts into its tasks; employees name anyone. The named person's kind and company come from the
 * contact read model (the same one the project and template rules use).
 */
@Injectable()
export class ParticipantRule implements ResourceRule {
  readonly resourceType = 'participant';

  constructor(
    private readonly facts: ScopeFactsLoader,
    private readonly repository: OrderVisibilityRepository,
  ) {}

  async evaluate(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    const target = input.resource.personId;
    if (!isUuid(target)) {
      steps.push({ rule: 'task.participant-client', effect: 'deny', detail: 'The participant resource names no person (personId)' });
      return { allowed: false, code: 'PERSON.UNKNOWN', reason: 'The participant resource names no person' };
    }
    const targetId = target.toLowerCase();
    const [{ scope }, placement] = await Promise.all([
      this.facts.load(input.tenantId, input.personId, input.facts),
      this.repository.placement(input.tenantId, targetId),
    ]);
    const failure = checkParticipant(input.personId, { personId: targetId, ...placement }, scope, steps);
    if (failure) return { allowed: false, ...failure };
    return { allowed: true, code: 'ALLOWED.PARTICIPANT', reason: 'May name this person on a task' };
  }
}
