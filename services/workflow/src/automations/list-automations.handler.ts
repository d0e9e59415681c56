import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { AutomationRuleView } from '@warden/contracts';
import { AutomationRuleRepository } from './automation-rule.repository';

export class ListAutomationsQuery extends Query<AutomationRuleView[]> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@QueryHandler(ListAutomationsQuery)
export class ListAutomationsHandler implements IQueryHandler<ListAutomationsQuery> {
  constructor(private readonly rules: AutomationRuleRepository) {}

  execute({ tenantId }: ListAutomationsQuery): Promise<AutomationRuleView[]> {
    return this.rules.list(tenantId);
  }
}
