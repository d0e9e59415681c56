import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { DepartmentChanges, DepartmentView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { AuditRecorder, resourceValues } from '@warden/messaging';
import { EmployeeCheck } from '../employees/employee.check';
import { happened } from '../shared/events';
import { checkDepartmentChanges } from './department-update.check';
import { DepartmentErrors } from './department.errors';
import { departmentUpdated, membershipChanged } from './department.events';
import { writeDepartment } from './department.record';
import { DepartmentRepository } from './department.repository';

export class UpdateDepartmentCommand extends Command<DepartmentView> {
  constructor(
    readonly ctx: RequestContext,
    readonly departmentId: string,
    readonly changes: DepartmentChanges,
  ) {
    super();
  }
}

/** `memberIds`, when given, is the whole new list: who is not in it leaves. */
@CommandHandler(UpdateDepartmentCommand)
export class UpdateDepartmentHandler implements ICommandHandler<UpdateDepartmentCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentRepository,
    private readonly employees: EmployeeCheck,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, departmentId, changes }: UpdateDepartmentCommand): Promise<DepartmentView> {
    const { headId, memberIds } = await checkDepartmentChanges(this.employees, ctx, changes);
    return writeDepartment(this.dataSource.manager, async (manager) => {
      const before = await this.departments.find(manager, ctx.tenantId, departmentId, true);
      if (!before) throw DepartmentErrors.notFound();
      await this.departments.update(
        manager,
        ctx.tenantId,
        departmentId,
        changes.name ?? before.name,
        headId === undefined ? before.headId : headId,
      );
      if (memberIds) {
        await this.departments.removeMembers(
          manager,
          ctx.tenantId,
          departmentId,
          before.memberIds.filter((id) => !memberIds.includes(id)),
        );
        await this.departments.addMembers(manager, ctx.tenantId, departmentId, memberIds);
      }
      const after = (await this.departments.find(manager, ctx.tenantId, departmentId))!;
      await this.events.publishAll(
        happened(departmentUpdated(ctx.tenantId, after), membershipChanged(ctx.tenantId, before.memberIds, after)),
        manager,
      );
      await this.audit.record(manager, ctx.tenantId, {
        action: 'department.updated',
        resource: { type: 'department', id: departmentId },
        before: resourceValues(before),
        after: resourceValues(after),
      });
      return after;
    });
  }
}
