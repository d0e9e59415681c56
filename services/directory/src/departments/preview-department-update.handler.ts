import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { DepartmentChanges, DepartmentView, RequestContext } from '@warden/contracts';
import { EmployeeCheck } from '../employees/employee.check';
import { checkDepartmentChanges, departmentAfter } from './department-update.check';
import { DepartmentErrors } from './department.errors';
import { DepartmentRepository } from './department.repository';

type Previewed = { before: DepartmentView; after: DepartmentView };

export class PreviewDepartmentUpdateQuery extends Query<Previewed> {
  constructor(
    readonly ctx: RequestContext,
    readonly departmentId: string,
    readonly changes: DepartmentChanges,
  ) {
    super();
  }
}

/**
 * `PATCH /departments/{id}` without writing, for the permission preview: refused as the change would be, in its order
 * (head and members employees, 422; the department, 404; the name, 409 — the change learns it from the unique index
 * `departments_name_key` on the lowered name, read here), then the department before and after.
 */
@QueryHandler(PreviewDepartmentUpdateQuery)
export class PreviewDepartmentUpdateHandler implements IQueryHandler<PreviewDepartmentUpdateQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentRepository,
    private readonly employees: EmployeeCheck,
  ) {}

  async execute({ ctx, departmentId, changes }: PreviewDepartmentUpdateQuery): Promise<Previewed> {
    const checked = await checkDepartmentChanges(this.employees, ctx, changes);
    const manager = this.dataSource.manager;
    const before = await this.departments.find(manager, ctx.tenantId, departmentId);
    if (!before) throw DepartmentErrors.notFound();
    const name = checked.name;
    if (name !== undefined) {
      const others = await this.departments.list(manager, ctx.tenantId);
      if (others.some((other) => other.id !== before.id && other.name.toLowerCase() === name.toLowerCase()))
        throw DepartmentErrors.nameTaken();
    }
    return { before, after: departmentAfter(before, checked) };
  }
}
