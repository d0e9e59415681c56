import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { DepartmentView, RpcResponse } from '@warden/contracts';
import { AddDepartmentMembersCommand } from './add-department-members.handler';
import { CreateDepartmentCommand } from './create-department.handler';
import { DeleteDepartmentCommand } from './delete-department.handler';
import { GetDepartmentQuery } from './get-department.handler';
import { ListDepartmentsQuery } from './list-departments.handler';
import { PreviewDepartmentUpdateQuery } from './preview-department-update.handler';
import { RemoveDepartmentMembersCommand } from './remove-department-members.handler';
import { UpdateDepartmentCommand } from './update-department.handler';

/** The department RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class DepartmentsMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('directory.departments.list')
  list(@Payload() message: RpcMessage<'directory.departments.list'>): Promise<DepartmentView[]> {
    return this.queries.execute(new ListDepartmentsQuery(message.ctx.tenantId));
  }

  @RpcHandler('directory.departments.get')
  get(@Payload() message: RpcMessage<'directory.departments.get'>): Promise<DepartmentView> {
    return this.queries.execute(new GetDepartmentQuery(message.ctx.tenantId, message.data.departmentId));
  }

  @RpcHandler('directory.departments.create')
  create(@Payload() message: RpcMessage<'directory.departments.create'>): Promise<DepartmentView> {
    return this.commands.execute(new CreateDepartmentCommand(message.ctx, message.data));
  }

  @RpcHandler('directory.departments.update')
  update(@Payload() message: RpcMessage<'directory.departments.update'>): Promise<DepartmentView> {
    return this.commands.execute(new UpdateDepartmentCommand(message.ctx, message.data.departmentId, message.data.changes));
  }

  @RpcHandler('directory.departments.update-preview')
  previewUpdate(
    @Payload() message: RpcMessage<'directory.departments.update-preview'>,
  ): Promise<RpcResponse<'directory.departments.update-preview'>> {
    return this.queries.execute(new PreviewDepartmentUpdateQuery(message.ctx, message.data.departmentId, message.data.changes));
  }

  @RpcHandler('directory.departments.delete')
  delete(@Payload() message: RpcMessage<'directory.departments.delete'>): Promise<{ deleted: true }> {
    return this.commands.execute(new DeleteDepartmentCommand(message.ctx, message.data.departmentId));
  }

  @RpcHandler('directory.departments.members.add')
  addMembers(@Payload() message: RpcMessage<'directory.departments.members.add'>): Promise<DepartmentView> {
    return this.commands.execute(new AddDepartmentMembersCommand(message.ctx, message.data.departmentId, message.data.personIds));
  }

  @RpcHandler('directory.departments.members.remove')
  removeMembers(@Payload() message: RpcMessage<'directory.departments.members.remove'>): Promise<DepartmentView> {
    return this.commands.execute(new RemoveDepartmentMembersCommand(message.ctx, message.data.departmentId, message.data.personIds));
  }
}
