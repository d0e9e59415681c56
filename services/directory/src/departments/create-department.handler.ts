import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { DepartmentInput, DepartmentView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { newId } from '@warden/kernel';
import { AuditRecorder, resourceValues } from '@warden/messaging';
import { EmployeeCheck } from '../employees/employee.check';
import { happened } from '../shared/events';
import { unique } from '../shared/text';
import { departmentCreated, membershipChanged } from './department.events';
import { writeDepartment } from './department.record';
import { DepartmentRepository } from './department.repository';

export class CreateDepartmentCommand extends Command<DepartmentView> {
  constructor(
    readonly ctx: RequestContext,
    readonly input: DepartmentInput,
  ) {
    super();
  }
}

/** The head and the members must be current employees of the tenant. */
@CommandHandler(CreateDepartmentCommand)
export class CreateDepartmentHandler implements ICommandHandler<CreateDepartmentCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentRepository,
    private readonly employees: EmployeeCheck,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, input }: CreateDepartmentCommand): Promise<DepartmentView> {
    const headId = input.headId ?? null;
    const memberIds = unique(input.memberIds ?? []);
    if (headId) await this.employees.requireEmployees(ctx, [headId], 'headId');
    await this.employees.requireEmployees(ctx, memberIds, 'memberIds');
    const id = newId();
    return writeDepartment(this.dataSource.manager, async (manager) => {
      await this.departments.insert(manager, ctx.tenantId, id, input.name, headId);
      await this.departments.addMembers(manager, ctx.tenantId, id, memberIds);
      const department = (await this.departments.find(manager, ctx.tenantId, id))!;
      await this.events.publishAll(
        happened(departmentCreated(ctx.tenantId, department), membershipChanged(ctx.tenantId, [], department)),
        manager,
      );
      await this.audit.record(manager, ctx.tenantId, {
        action: 'department.created',
        resource: { type: 'department', id },
        before: null,
        after: resourceValues(department),
      });
      return department;
    });
  }
}
