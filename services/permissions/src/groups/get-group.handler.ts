import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { GroupView } from '@warden/contracts';
import { existingGroup } from './group.record';
import { GroupsRepository } from './groups.repository';

export class GetGroupQuery extends Query<GroupView & { memberIds: string[] }> {
  constructor(
    readonly tenantId: string,
    readonly groupId: string,
  ) {
    super();
  }
}

@QueryHandler(GetGroupQuery)
export class GetGroupHandler implements IQueryHandler<GetGroupQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
  ) {}

  async execute({ tenantId, groupId }: GetGroupQuery): Promise<GroupView & { memberIds: string[] }> {
    const manager = this.dataSource.manager;
    const group = await existingGroup(this.groups, manager, tenantId, groupId);
    return { ...group, memberIds: await this.groups.memberIds(manager, tenantId, groupId) };
  }
}
