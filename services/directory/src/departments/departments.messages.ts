import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { DepartmentView } from '@warden/contracts';
import { DepartmentsService } from './departments.service';

@Controller()
export class DepartmentsMessages {
  constructor(private readonly departments: DepartmentsService) {}

  @RpcHandler('directory.departments.list')
  list(@Payload() message: RpcMessage<'directory.departments.list'>): Promise<DepartmentView[]> {
    return this.departments.list(message.ctx.tenantId);
  }

  @RpcHandler('directory.departments.get')
  get(@Payload() message: RpcMessage<'directory.departments.get'>): Promise<DepartmentView> {
    return this.departments.get(message.ctx.tenantId, message.data.departmentId);
  }

  @RpcHandler('directory.departments.create')
  create(@Payload() message: RpcMessage<'directory.departments.create'>): Promise<DepartmentView> {
    return this.departments.create(message.ctx, message.data);
  }

  @RpcHandler('directory.departments.update')
  update(@Payload() message: RpcMessage<'directory.departments.update'>): Promise<DepartmentView> {
    return this.departments.update(message.ctx, message.data.departmentId, message.data.changes);
  }

  @RpcHandler('directory.departments.delete')
  delete(@Payload() message: RpcMessage<'directory.departments.delete'>): Promise<{ deleted: true }> {
    return this.departments.delete(message.ctx.tenantId, message.data.departmentId);
  }

  @RpcHandler('directory.departments.members.add')
  addMembers(@Payload() message: RpcMessage<'directory.departments.members.add'>): Promise<DepartmentView> {
    return this.departments.addMembers(message.ctx, message.data.departmentId, message.data.personIds);
  }

  @RpcHandler('directory.departments.members.remove')
  removeMembers(@Payload() message: RpcMessage<'directory.departments.members.remove'>): Promise<DepartmentView> {
    return this.departments.removeMembers(message.ctx.tenantId, message.data.departmentId, message.data.personIds);
  }
}
