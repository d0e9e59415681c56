import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { AutomationRuleView } from '@warden/contracts';
import { existingRule } from './automation-rule.check';
import { AutomationRuleRepository } from './automation-rule.repository';

export class GetAutomationQuery extends Query<AutomationRuleView> {
  constructor(
    readonly tenantId: string,
    readonly ruleId: string,
  ) {
    super();
  }
}

@QueryHandler(GetAutomationQuery)
export class GetAutomationHandler implements IQueryHandler<GetAutomationQuery> {
  constructor(private readonly rules: AutomationRuleRepository) {}

  execute({ tenantId, ruleId }: GetAutomationQuery): Promise<AutomationRuleView> {
    return existingRule(this.rules, tenantId, ruleId);
  }
}
