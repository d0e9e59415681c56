import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { OrderVisibilityScope } from '@warden/contracts';
import { visibleStatuses } from '../status-access/status-access.record';
import { StatusAccessRepository } from '../status-access/status-access.repository';
import { orderSightOf } from './order-visibility.policy';
import { ScopeFactsLoader } from './scope-facts.loader';

/** The order rule as a list filter: the statuses the person may view plus the department / client scope. */
export class GetOrderVisibilityScopeQuery extends Query<OrderVisibilityScope> {
  constructor(
    readonly tenantId: string,
    readonly personId: string,
  ) {
    super();
  }
}

@QueryHandler(GetOrderVisibilityScopeQuery)
export class GetOrderVisibilityScopeHandler implements IQueryHandler<GetOrderVisibilityScopeQuery> {
  constructor(
    private readonly statuses: StatusAccessRepository,
    private readonly facts: ScopeFactsLoader,
  ) {}

  async execute({ tenantId, personId }: GetOrderVisibilityScopeQuery): Promise<OrderVisibilityScope> {
    const [visible, loaded] = await Promise.all([visibleStatuses(this.statuses, tenantId, personId), this.facts.load(tenantId, personId)]);
    const sight = orderSightOf(personId, visible.statusIds, loaded.rights, loaded.scope);
    return { statusIds: sight.statusIds, ...sight.scope, policyVersion: visible.policyVersion };
  }
}
