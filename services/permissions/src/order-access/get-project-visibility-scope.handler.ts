import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { ProjectScope } from '@warden/contracts';
import { OrderVisibilityRepository } from './order-visibility.repository';
import { projectScopeOf } from './project-visibility.policy';
import { ScopeFactsLoader } from './scope-facts.loader';

/** The project and template rules as one list filter. */
export class GetProjectVisibilityScopeQuery extends Query<ProjectScope & { policyVersion: number }> {
  constructor(
    readonly tenantId: string,
    readonly personId: string,
  ) {
    super();
  }
}

@QueryHandler(GetProjectVisibilityScopeQuery)
export class GetProjectVisibilityScopeHandler implements IQueryHandler<GetProjectVisibilityScopeQuery> {
  constructor(
    private readonly facts: ScopeFactsLoader,
    private readonly repository: OrderVisibilityRepository,
  ) {}

  async execute({ tenantId, personId }: GetProjectVisibilityScopeQuery): Promise<ProjectScope & { policyVersion: number }> {
    const loaded = await this.facts.load(tenantId, personId);
    const { scope } = loaded;
    const companyContactIds =
      scope.kind === 'contact' && scope.companyId ? await this.repository.contactsOf(tenantId, scope.companyId) : [];
    return { ...projectScopeOf(personId, scope, companyContactIds), policyVersion: loaded.rights.policyVersion };
  }
}
