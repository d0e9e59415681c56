import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { GroupStatusAccessView } from '@warden/contracts';
import { groupStatusAccess } from './status-access.record';
import { StatusAccessRepository } from './status-access.repository';

export class GetGroupStatusAccessQuery extends Query<GroupStatusAccessView> {
  constructor(
    readonly tenantId: string,
    readonly groupId: string,
  ) {
    super();
  }
}

@QueryHandler(GetGroupStatusAccessQuery)
export class GetGroupStatusAccessHandler implements IQueryHandler<GetGroupStatusAccessQuery> {
  constructor(private readonly repository: StatusAccessRepository) {}

  execute({ tenantId, groupId }: GetGroupStatusAccessQuery): Promise<GroupStatusAccessView> {
    return groupStatusAccess(this.repository, tenantId, groupId);
  }
}
