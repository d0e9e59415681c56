import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { ProjectView } from '@warden/contracts';
import { CreateProjectCommand } from './create-project.handler';
import { GetProjectQuery } from './get-project.handler';
import { ListProjectsQuery } from './list-projects.handler';
import { UpdateProjectCommand } from './update-project.handler';

/** The project RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class ProjectsMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('workflow.projects.list')
  list(@Payload() message: RpcMessage<'workflow.projects.list'>): Promise<ProjectView[]> {
    return this.queries.execute(new ListProjectsQuery(message.ctx.tenantId, message.data.scope));
  }

  @RpcHandler('workflow.projects.get')
  get(@Payload() message: RpcMessage<'workflow.projects.get'>): Promise<ProjectView> {
    return this.queries.execute(new GetProjectQuery(message.ctx.tenantId, message.data.projectId));
  }

  @RpcHandler('workflow.projects.create')
  create(@Payload() message: RpcMessage<'workflow.projects.create'>): Promise<ProjectView> {
    return this.commands.execute(new CreateProjectCommand(message.ctx, message.data));
  }

  @RpcHandler('workflow.projects.update')
  update(@Payload() message: RpcMessage<'workflow.projects.update'>): Promise<ProjectView> {
    return this.commands.execute(new UpdateProjectCommand(message.ctx, message.data.projectId, message.data.changes));
  }
}
