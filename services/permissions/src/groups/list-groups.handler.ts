import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { GroupView } from '@warden/contracts';
import { GroupsRepository } from './groups.repository';

export class ListGroupsQuery extends Query<GroupView[]> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@QueryHandler(ListGroupsQuery)
export class ListGroupsHandler implements IQueryHandler<ListGroupsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
  ) {}

  execute({ tenantId }: ListGroupsQuery): Promise<GroupView[]> {
    return this.groups.list(this.dataSource.manager, tenantId);
  }
}
