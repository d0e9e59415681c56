import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { EmployeeBranchesView, RequestContext } from '@warden/contracts';
import { EmployeeCheck } from '../employees/employee.check';
import { EmployeeBranchesRepository } from './employee-branches.repository';

/** Carries the request context: a person the employees read model has not heard of yet is asked of identity. */
export class GetEmployeeBranchesQuery extends Query<EmployeeBranchesView> {
  constructor(
    readonly ctx: RequestContext,
    readonly personId: string,
  ) {
    super();
  }
}

@QueryHandler(GetEmployeeBranchesQuery)
export class GetEmployeeBranchesHandler implements IQueryHandler<GetEmployeeBranchesQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: EmployeeBranchesRepository,
    private readonly employees: EmployeeCheck,
  ) {}

  async execute({ ctx, personId }: GetEmployeeBranchesQuery): Promise<EmployeeBranchesView> {
    await this.employees.requireEmployeeExists(ctx, personId);
    return this.access.read(this.dataSource.manager, ctx.tenantId, personId);
  }
}
