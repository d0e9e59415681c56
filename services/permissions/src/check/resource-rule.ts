import type { DecisionStep, ResourceRef } from '@warden/contracts';
import type { LoadedFacts } from './check.repository';

export interface ResourceRuleInput {
  tenantId: string;
  personId: string;
  action: string;
  resource: ResourceRef;
  /** The person's rights and groups, as the check already loaded them: a rule needing them does not query again. */
  facts?: LoadedFacts;
}

export interface ResourceRuleOutcome {
  allowed: boolean;
  code: string;
  reason: string;
}

/**
 * Decides an action on one kind of resource (`resource.type`), on top of the right. A rule appends
 * the steps it applied to `steps` (they show up in explain) and answers allowed or refused with a code.
 * Rules run only for active people whose catalog right (if the action is one) already allowed.
 */
export interface ResourceRule {
  readonly resourceType: string;
  evaluate(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome>;
}
