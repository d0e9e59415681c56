import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { ProjectView } from '@warden/contracts';
import { ProjectsService } from './projects.service';

@Controller()
export class ProjectsMessages {
  constructor(private readonly projects: ProjectsService) {}

  @RpcHandler('workflow.projects.list')
  list(@Payload() message: RpcMessage<'workflow.projects.list'>): Promise<ProjectView[]> {
    return this.projects.list(message.ctx.tenantId, message.data.scope);
  }

  @RpcHandler('workflow.projects.get')
  get(@Payload() message: RpcMessage<'workflow.projects.get'>): Promise<ProjectView> {
    return this.projects.get(message.ctx.tenantId, message.data.projectId);
  }

  @RpcHandler('workflow.projects.create')
  create(@Payload() message: RpcMessage<'workflow.projects.create'>): Promise<ProjectView> {
    return this.projects.create(message.ctx, message.data);
  }

  @RpcHandler('workflow.projects.update')
  update(@Payload() message: RpcMessage<'workflow.projects.update'>): Promise<ProjectView> {
    return this.projects.update(message.ctx, message.data.projectId, message.data.changes);
  }
}
