import { Injectable } from '@nestjs/common';
import type { OrderVisibilityScope, ProjectScope } from '@warden/contracts';
import { visibleStatuses } from '../status-access/status-access.record';
import { StatusAccessRepository } from '../status-access/status-access.repository';
import { orderSightOf } from './order-visibility.policy';
import { OrderVisibilityRepository } from './order-visibility.repository';
import { projectScopeOf } from './project-visibility.policy';
import { ScopeFactsLoader } from './scope-facts.loader';

/**
 * The order rule as a list filter (the statuses the person may view plus the department / client
 * scope), and the project and template rules as one.
 */
@Injectable()
export class OrderVisibilityService {
  constructor(
    private readonly statuses: StatusAccessRepository,
    private readonly facts: ScopeFactsLoader,
    private readonly repository: OrderVisibilityRepository,
  ) {}

  async scope(tenantId: string, personId: string): Promise<OrderVisibilityScope> {
    const [visible, loaded] = await Promise.all([visibleStatuses(this.statuses, tenantId, personId), this.facts.load(tenantId, personId)]);
    const sight = orderSightOf(personId, visible.statusIds, loaded.rights, loaded.scope);
    return { statusIds: sight.statusIds, ...sight.scope, policyVersion: visible.policyVersion };
  }

  async projectScope(tenantId: string, personId: string): Promise<ProjectScope & { policyVersion: number }> {
    const loaded = await this.facts.load(tenantId, personId);
    const { scope } = loaded;
    const companyContactIds =
      scope.kind === 'contact' && scope.companyId ? await this.repository.contactsOf(tenantId, scope.companyId) : [];
    return { ...projectScopeOf(personId, scope, companyContactIds), policyVersion: loaded.rights.policyVersion };
  }
}
