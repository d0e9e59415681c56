import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { BranchView } from '@warden/contracts';
import { BranchRepository } from './branch.repository';

export class ListBranchesQuery extends Query<BranchView[]> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@QueryHandler(ListBranchesQuery)
export class ListBranchesHandler implements IQueryHandler<ListBranchesQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly branches: BranchRepository,
  ) {}

  execute({ tenantId }: ListBranchesQuery): Promise<BranchView[]> {
    return this.branches.list(this.dataSource.manager, tenantId);
  }
}
