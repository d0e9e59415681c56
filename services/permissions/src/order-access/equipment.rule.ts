import { Injectable } from '@nestjs/common';
import { isUuid } from '@warden/kernel';
import type { DecisionStep } from '@warden/contracts';
import type { ResourceRule, ResourceRuleInput, ResourceRuleOutcome } from '../check/resource-rule';
import { evaluateRight } from '../check/decision.policy';
import { checkEquipment } from './equipment-visibility.policy';
import { ScopeFactsLoader } from './scope-facts.loader';

/**
 * Resource type `equipment` (`resource.companyId`, the company whose equipment is read): employees
 * need `directory.read`, a contact reads only its own company's equipment (its company comes from
 * the contact read model, so a moved contact follows its new company).
 */
@Injectable()
export class EquipmentRule implements ResourceRule {
  readonly resourceType = 'equipment';

  constructor(private readonly facts: ScopeFactsLoader) {}

  async evaluate(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    const companyId = input.resource.companyId;
    if (!isUuid(companyId)) {
      steps.push({ rule: 'equipment.known', effect: 'deny', detail: 'The equipment resource names no company (companyId)' });
      return { allowed: false, code: 'EQUIPMENT.NOT_FOUND', reason: 'The equipment resource names no company' };
    }
    const { scope, rights } = await this.facts.load(input.tenantId, input.personId, input.facts);
    const directoryRead = evaluateRight('directory.read', rights, []);
    const failure = checkEquipment(companyId.toLowerCase(), scope, directoryRead, steps);
    if (failure) return { allowed: false, ...failure };
    return { allowed: true, code: 'ALLOWED.EQUIPMENT_VISIBLE', reason: "May read the company's equipment" };
  }
}
