import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { DepartmentView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import { unique } from '../shared/text';
import { changeMembers } from './department.record';
import { DepartmentRepository } from './department.repository';

export class RemoveDepartmentMembersCommand extends Command<DepartmentView> {
  constructor(
    readonly ctx: RequestContext,
    readonly departmentId: string,
    readonly personIds: string[],
  ) {
    super();
  }
}

/** People who are not members are left out silently: removing is never refused for who leaves. */
@CommandHandler(RemoveDepartmentMembersCommand)
export class RemoveDepartmentMembersHandler implements ICommandHandler<RemoveDepartmentMembersCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentRepository,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, departmentId, personIds }: RemoveDepartmentMembersCommand): Promise<DepartmentView> {
    const ids = unique(personIds);
    const writers = { departments: this.departments, events: this.events, audit: this.audit };
    return changeMembers(this.dataSource.manager, writers, ctx.tenantId, departmentId, (manager) =>
      this.departments.removeMembers(manager, ctx.tenantId, departmentId, ids),
    );
  }
}
