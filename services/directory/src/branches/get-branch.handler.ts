import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { BranchView } from '@warden/contracts';
import { BranchErrors } from './branch.errors';
import { BranchRepository } from './branch.repository';

export class GetBranchQuery extends Query<BranchView> {
  constructor(
    readonly tenantId: string,
    readonly branchId: string,
  ) {
    super();
  }
}

@QueryHandler(GetBranchQuery)
export class GetBranchHandler implements IQueryHandler<GetBranchQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly branches: BranchRepository,
  ) {}

  async execute({ tenantId, branchId }: GetBranchQuery): Promise<BranchView> {
    const branch = await this.branches.find(this.dataSource.manager, tenantId, branchId);
    if (!branch) throw BranchErrors.notFound();
    return branch;
  }
}
