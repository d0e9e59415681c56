import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { visibleStatuses } from './status-access.record';
import { StatusAccessRepository } from './status-access.repository';

export class GetVisibleStatusesQuery extends Query<{ statusIds: string[]; policyVersion: number }> {
  constructor(
    readonly tenantId: string,
    readonly personId: string,
  ) {
    super();
  }
}

@QueryHandler(GetVisibleStatusesQuery)
export class GetVisibleStatusesHandler implements IQueryHandler<GetVisibleStatusesQuery> {
  constructor(private readonly repository: StatusAccessRepository) {}

  execute({ tenantId, personId }: GetVisibleStatusesQuery): Promise<{ statusIds: string[]; policyVersion: number }> {
    return visibleStatuses(this.repository, tenantId, personId);
  }
}
