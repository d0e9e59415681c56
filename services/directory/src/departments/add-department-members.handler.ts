import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { DepartmentView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import { EmployeeCheck } from '../employees/employee.check';
import { unique } from '../shared/text';
import { changeMembers } from './department.record';
import { DepartmentRepository } from './department.repository';

export class AddDepartmentMembersCommand extends Command<DepartmentView> {
  constructor(
    readonly ctx: RequestContext,
    readonly departmentId: string,
    readonly personIds: string[],
  ) {
    super();
  }
}

/** New members must be current employees of the tenant; people who are members already are left as they are. */
@CommandHandler(AddDepartmentMembersCommand)
export class AddDepartmentMembersHandler implements ICommandHandler<AddDepartmentMembersCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentRepository,
    private readonly employees: EmployeeCheck,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, departmentId, personIds }: AddDepartmentMembersCommand): Promise<DepartmentView> {
    const ids = unique(personIds);
    await this.employees.requireEmployees(ctx, ids, 'personIds');
    const writers = { departments: this.departments, events: this.events, audit: this.audit };
    return changeMembers(this.dataSource.manager, writers, ctx.tenantId, departmentId, (manager) =>
      this.departments.addMembers(manager, ctx.tenantId, departmentId, ids),
    );
  }
}
