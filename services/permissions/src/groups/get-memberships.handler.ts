import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { GroupRef } from '@warden/contracts';
import { GroupsRepository } from './groups.repository';

/** Several people's groups at once, for staff views. */
export class GetMembershipsQuery extends Query<Record<string, GroupRef[]>> {
  constructor(
    readonly tenantId: string,
    readonly personIds: readonly string[],
  ) {
    super();
  }
}

@QueryHandler(GetMembershipsQuery)
export class GetMembershipsHandler implements IQueryHandler<GetMembershipsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
  ) {}

  execute({ tenantId, personIds }: GetMembershipsQuery): Promise<Record<string, GroupRef[]>> {
    return this.groups.groupsOf(this.dataSource.manager, tenantId, personIds);
  }
}
