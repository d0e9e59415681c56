import { Injectable } from '@nestjs/common';
import { isUuid } from '@warden/kernel';
import type { OrderVisibilityScope } from '@warden/contracts';
import { StatusAccessService } from '../status-access/status-access.service';
import { scopeOf } from './order-visibility.policy';
import { ScopeFactsLoader } from './scope-facts.loader';

/** The order rule as a list filter: the statuses the person may view plus the department / client scope. */
@Injectable()
export class OrderVisibilityService {
  constructor(
    private readonly statuses: StatusAccessService,
    private readonly facts: ScopeFactsLoader,
  ) {}

  async scope(tenantId: string, personId: string): Promise<OrderVisibilityScope> {
    // Nothing for an id that is not one: the filter then matches no order.
    if (!isUuid(personId)) return { statusIds: [], departmentIds: [], contactId: null, managedCompanyIds: [], policyVersion: 0 };
    const id = personId.toLowerCase();
    const [visible, loaded] = await Promise.all([this.statuses.visibleStatuses(tenantId, id), this.facts.load(tenantId, id)]);
    const known = loaded.rights.known && !loaded.rights.deleted;
    return { statusIds: known ? visible.statusIds : [], ...scopeOf(id, loaded.scope), policyVersion: visible.policyVersion };
  }
}
