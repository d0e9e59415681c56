import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OutgoingEvent, RequestContext } from '@warden/contracts';
import { AuditRecorder, resourceValues } from '@warden/messaging';
import { DepartmentErrors } from './department.errors';
import { departmentDeleted } from './department.events';
import { writeDepartment } from './department.record';
import { DepartmentRepository } from './department.repository';

export class DeleteDepartmentCommand extends Command<{ deleted: true }> {
  constructor(
    readonly ctx: RequestContext,
    readonly departmentId: string,
  ) {
    super();
  }
}

/** Refused while channels still deliver to the department (DEPARTMENT.IN_USE, from the foreign keys). */
@CommandHandler(DeleteDepartmentCommand)
export class DeleteDepartmentHandler implements ICommandHandler<DeleteDepartmentCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentRepository,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, departmentId }: DeleteDepartmentCommand): Promise<{ deleted: true }> {
    return writeDepartment(this.dataSource.manager, async (manager) => {
      const department = await this.departments.find(manager, ctx.tenantId, departmentId, true);
      if (!department) throw DepartmentErrors.notFound();
      await this.departments.delete(manager, ctx.tenantId, departmentId);
      await this.events.publish(departmentDeleted(ctx.tenantId, department), manager);
      await this.audit.record(manager, ctx.tenantId, {
        action: 'department.deleted',
        resource: { type: 'department', id: departmentId },
        before: resourceValues(department),
        after: null,
      });
      return { deleted: true as const };
    });
  }
}
