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
 * Resource facts reach a rule one way: the rule reads them from the service that owns the resource,
 * at decision time, over RPC (`task`: `workflow.tasks.access-facts`; `conversation` and `inquiry`:
 * `inquiries.conversations.access-facts`), never from attributes a caller computed — explain asks about
 * other people, and a read model would lag behind the change just made. Resource attributes only name
 * the resource (and key the gateway's cache). The `order` rule reads them too when only `orderId` is
 * named; the gateway, which has just read the order from workflow, passes the same facts as attributes.
 *
 * Decides an action on one kind of resource (`resource.type`), on top of the right. A rule appends
 * the steps it applied to `steps` (they show up in explain) and answers allowed or refused with a code.
 * Rules run only for active people whose catalog right (if the action is one) already allowed.
 */
export interface ResourceRule {
  readonly resourceType: string;
  evaluate(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome>;
}
