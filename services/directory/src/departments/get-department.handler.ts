import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { DepartmentView } from '@warden/contracts';
import { DepartmentErrors } from './department.errors';
import { DepartmentRepository } from './department.repository';

export class GetDepartmentQuery extends Query<DepartmentView> {
  constructor(
    readonly tenantId: string,
    readonly departmentId: string,
  ) {
    super();
  }
}

@QueryHandler(GetDepartmentQuery)
export class GetDepartmentHandler implements IQueryHandler<GetDepartmentQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentRepository,
  ) {}

  async execute({ tenantId, departmentId }: GetDepartmentQuery): Promise<DepartmentView> {
    const department = await this.departments.find(this.dataSource.manager, tenantId, departmentId);
    if (!department) throw DepartmentErrors.notFound();
    return department;
  }
}
