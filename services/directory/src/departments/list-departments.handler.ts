import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { DepartmentView } from '@warden/contracts';
import { DepartmentRepository } from './department.repository';

export class ListDepartmentsQuery extends Query<DepartmentView[]> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@QueryHandler(ListDepartmentsQuery)
export class ListDepartmentsHandler implements IQueryHandler<ListDepartmentsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentRepository,
  ) {}

  execute({ tenantId }: ListDepartmentsQuery): Promise<DepartmentView[]> {
    return this.departments.list(this.dataSource.manager, tenantId);
  }
}
