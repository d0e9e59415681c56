import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { OrderStartingStatuses, RpcResponse, TaskAccessFacts, TaskHistoryEntry, TaskView } from '@warden/contracts';
import { ChangeTaskParticipantsCommand } from './change-task-participants.handler';
import { ChangeTaskStatusCommand } from './change-task-status.handler';
import { CreateTaskCommand } from './create-task.handler';
import { GetTaskAccessFactsQuery } from './get-task-access-facts.handler';
import { GetTaskHistoryQuery } from './get-task-history.handler';
import { GetTaskInitialStatusesQuery } from './get-task-initial-statuses.handler';
import { GetTaskQuery } from './get-task.handler';
import { DiffTaskSightQuery } from './diff-task-sight.handler';
import { ListTasksQuery } from './list-tasks.handler';
import { UpdateTaskCommand } from './update-task.handler';

/** The task RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class TasksMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('workflow.tasks.create')
  create(@Payload() message: RpcMessage<'workflow.tasks.create'>): Promise<TaskView> {
    return this.commands.execute(new CreateTaskCommand(message.ctx, message.data));
  }

  @RpcHandler('workflow.tasks.initial-statuses')
  initialStatuses(@Payload() message: RpcMessage<'workflow.tasks.initial-statuses'>): Promise<OrderStartingStatuses> {
    return this.queries.execute(new GetTaskInitialStatusesQuery(message.ctx.tenantId, message.data));
  }

  @RpcHandler('workflow.tasks.sight-diff')
  sightDiff(@Payload() message: RpcMessage<'workflow.tasks.sight-diff'>): Promise<RpcResponse<'workflow.tasks.sight-diff'>> {
    return this.queries.execute(new DiffTaskSightQuery(message.ctx.tenantId, message.data.pairs));
  }

  @RpcHandler('workflow.tasks.list')
  list(@Payload() message: RpcMessage<'workflow.tasks.list'>): Promise<Page<TaskView>> {
    return this.queries.execute(new ListTasksQuery(message.ctx.tenantId, message.data));
  }

  @RpcHandler('workflow.tasks.get')
  get(@Payload() message: RpcMessage<'workflow.tasks.get'>): Promise<TaskView> {
    return this.queries.execute(new GetTaskQuery(message.ctx.tenantId, message.data.taskId));
  }

  @RpcHandler('workflow.tasks.update')
  update(@Payload() message: RpcMessage<'workflow.tasks.update'>): Promise<TaskView> {
    return this.commands.execute(new UpdateTaskCommand(message.ctx.tenantId, message.data));
  }

  @RpcHandler('workflow.tasks.participants.change')
  participants(@Payload() message: RpcMessage<'workflow.tasks.participants.change'>): Promise<TaskView> {
    return this.commands.execute(new ChangeTaskParticipantsCommand(message.ctx, message.data));
  }

  @RpcHandler('workflow.tasks.change-status')
  changeStatus(@Payload() message: RpcMessage<'workflow.tasks.change-status'>): Promise<TaskView> {
    return this.commands.execute(new ChangeTaskStatusCommand(message.ctx, message.data));
  }

  @RpcHandler('workflow.tasks.history')
  history(@Payload() message: RpcMessage<'workflow.tasks.history'>): Promise<TaskHistoryEntry[]> {
    return this.queries.execute(new GetTaskHistoryQuery(message.ctx.tenantId, message.data.taskId));
  }

  @RpcHandler('workflow.tasks.access-facts')
  accessFacts(@Payload() message: RpcMessage<'workflow.tasks.access-facts'>): Promise<TaskAccessFacts> {
    return this.queries.execute(new GetTaskAccessFactsQuery(message.ctx.tenantId, message.data.taskId, message.data.personId));
  }
}
