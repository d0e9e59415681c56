import { Injectable } from '@nestjs/common';
import { DomainError, isUuid } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { DecisionStep, TemplateView } from '@warden/contracts';
import type { ResourceRule, ResourceRuleInput, ResourceRuleOutcome } from '../check/resource-rule';
import { systemContext } from '../check/system.context';
import { OrderVisibilityRepository } from './order-visibility.repository';
import { checkTemplate } from './project-visibility.policy';
import { ScopeFactsLoader } from './scope-facts.loader';

/**
 * Resource type `template` (`resource.templateId`): whether the person sees the template and may
 * create tasks from it. Employees see every template; for a contact the template's participants are
 * read from the workflow service at decision time and their companies from the contact read model.
 * The gateway adds the template's `updatedAt`, so a cached decision is not reused after it changed.
 */
@Injectable()
export class TemplateRule implements ResourceRule {
  readonly resourceType = 'template';

  constructor(
    private readonly bus: BusClient,
    private readonly facts: ScopeFactsLoader,
    private readonly repository: OrderVisibilityRepository,
  ) {}

  async evaluate(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    const templateId = input.resource.templateId;
    if (!isUuid(templateId)) {
      steps.push({ rule: 'template.known', effect: 'deny', detail: 'The template resource names no template (templateId)' });
      return { allowed: false, code: 'TEMPLATE.NOT_FOUND', reason: 'The template resource names no template' };
    }
    const { scope } = await this.facts.load(input.tenantId, input.personId, input.facts);
    let named: Array<{ contactId: string; companyId: string | null }> = [];
    if (scope.kind === 'contact') {
      const template = await this.template(input.tenantId, templateId);
      if (!template) {
        steps.push({ rule: 'template.known', effect: 'deny', detail: 'No such template in this tenant' });
        return { allowed: false, code: 'TEMPLATE.NOT_FOUND', reason: 'The template does not exist' };
      }
      const contactIds = [
        ...new Set(
          template.defaultParticipants.filter((participant) => participant.kind === 'contact').map((participant) => participant.personId),
        ),
      ];
      const companies = await this.repository.companiesOf(input.tenantId, contactIds);
      named = contactIds.map((contactId) => ({ contactId, companyId: companies.get(contactId) ?? null }));
    }
    const failure = checkTemplate(input.personId, named, scope, steps);
    if (failure) return { allowed: false, ...failure };
    return { allowed: true, code: 'ALLOWED.TEMPLATE_VISIBLE', reason: 'May see the template and create tasks from it' };
  }

  private async template(tenantId: string, templateId: string): Promise<TemplateView | null> {
    try {
      return await this.bus.request('workflow.templates.get', systemContext(tenantId), { templateId });
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return null;
      throw error;
    }
  }
}
