import { Injectable } from '@nestjs/common';
import { isUuid } from '@warden/kernel';
import { rightsNeeded } from '@warden/contracts';
import type { CheckData, DecisionStep, Explanation } from '@warden/contracts';
import { CheckRepository } from './check.repository';
import type { LoadedFacts } from './check.repository';
import { evaluatePerson, evaluateRights } from './decision.policy';
import type { PersonFacts, Verdict } from './decision.policy';
import { ResourceRuleRegistry } from './resource-rule.registry';

const NOBODY: PersonFacts = { known: false, deleted: false, groups: [], overrides: [] };

/**
 * check(person, action, resource?): the person must be active; the catalog rights the action needs
 * are evaluated first (the action itself, or the right a resource action needs, and on a resource
 * the right to see it where acting on it reads it first: libs/contracts/src/resource-actions.ts);
 * a resource is then decided by the rule registered for its type, which must exist and allow too.
 * Any other action is unknown, so no route can reach a rule without passing a right first.
 * `permissions.check` and `permissions.explain` both answer from here (check-access.handler.ts,
 * explain-decision.handler.ts): explain is this decision with its steps, never a second evaluation.
 */
@Injectable()
export class DecisionEvaluator {
  constructor(
    private readonly repository: CheckRepository,
    private readonly rules: ResourceRuleRegistry,
  ) {}

  async explain(tenantId: string, input: CheckData): Promise<Explanation> {
    // The person is an id (the RPC boundary checked it); a call before any tenant is known has none.
    const facts = isUuid(tenantId) ? await this.repository.load(tenantId, input.personId) : { ...NOBODY, policyVersion: 0, kind: null };
    const verdict = await this.decide(tenantId, input, facts);
    return {
      allowed: verdict.allowed,
      code: verdict.code,
      reason: verdict.reason,
      policyVersion: facts.policyVersion,
      steps: verdict.steps,
    };
  }

  private async decide(tenantId: string, input: CheckData, facts: LoadedFacts): Promise<Verdict> {
    const steps: DecisionStep[] = [];
    const inactive = evaluatePerson(facts, steps);
    if (inactive) return inactive;
    const resource = input.resource;
    const rights = rightsNeeded(input.action, resource !== undefined);
    if (!rights) {
      steps.push({
        rule: 'action.known',
        effect: 'deny',
        detail: `'${input.action}' is neither a right of the catalog nor an action on a resource`,
      });
      return { allowed: false, code: 'ACTION.UNKNOWN', reason: `'${input.action}' is not a known action`, steps };
    }
    const granted = evaluateRights(rights, facts, steps);
    if (!granted.allowed) return granted;
    if (!resource) {
      if (rights[0] === input.action) return granted;
      steps.push({
        rule: 'resource.given',
        effect: 'deny',
        detail: `'${input.action}' is an action on a resource and no resource was given`,
      });
      return { allowed: false, code: 'RESOURCE.MISSING', reason: `'${input.action}' needs a resource`, steps };
    }
    const rule = this.rules.ruleFor(resource.type);
    if (!rule) {
      steps.push({ rule: 'resource.type', effect: 'deny', detail: `No rule decides resources of type '${resource.type}'` });
      return { allowed: false, code: 'RESOURCE.UNKNOWN_TYPE', reason: `Resources of type '${resource.type}' are not known`, steps };
    }
    const outcome = await rule.evaluate({ tenantId, personId: input.personId, action: input.action, resource, facts }, steps);
    return { ...outcome, steps };
  }
}
