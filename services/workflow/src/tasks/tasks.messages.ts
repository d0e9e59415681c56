import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { OrderStartingStatuses, TaskAccessFacts, TaskHistoryEntry, TaskView } from '@warden/contracts';
import { TasksService } from './tasks.service';

@Controller()
export class TasksMessages {
  constructor(private readonly tasks: TasksService) {}

  @RpcHandler('workflow.tasks.create')
  create(@Payload() message: RpcMessage<'workflow.tasks.create'>): Promise<TaskView> {
    return this.tasks.create(message.ctx, message.data);
  }

  @RpcHandler('workflow.tasks.initial-statuses')
  initialStatuses(@Payload() message: RpcMessage<'workflow.tasks.initial-statuses'>): Promise<OrderStartingStatuses> {
    return this.tasks.initialStatuses(message.ctx.tenantId, message.data);
  }

  @RpcHandler('workflow.tasks.list')
  list(@Payload() message: RpcMessage<'workflow.tasks.list'>): Promise<Page<TaskView>> {
    return this.tasks.list(message.ctx.tenantId, message.data);
  }

  @RpcHandler('workflow.tasks.get')
  get(@Payload() message: RpcMessage<'workflow.tasks.get'>): Promise<TaskView> {
    return this.tasks.get(message.ctx.tenantId, message.data.taskId);
  }

  @RpcHandler('workflow.tasks.update')
  update(@Payload() message: RpcMessage<'workflow.tasks.update'>): Promise<TaskView> {
    return this.tasks.update(message.ctx.tenantId, message.data);
  }

  @RpcHandler('workflow.tasks.participants.change')
  participants(@Payload() message: RpcMessage<'workflow.tasks.participants.change'>): Promise<TaskView> {
    return this.tasks.changeParticipants(message.ctx, message.data);
  }

  @RpcHandler('workflow.tasks.change-status')
  changeStatus(@Payload() message: RpcMessage<'workflow.tasks.change-status'>): Promise<TaskView> {
    return this.tasks.changeStatus(message.ctx, message.data);
  }

  @RpcHandler('workflow.tasks.history')
  history(@Payload() message: RpcMessage<'workflow.tasks.history'>): Promise<TaskHistoryEntry[]> {
    return this.tasks.history(message.ctx.tenantId, message.data.taskId);
  }

  @RpcHandler('workflow.tasks.access-facts')
  accessFacts(@Payload() message: RpcMessage<'workflow.tasks.access-facts'>): Promise<TaskAccessFacts> {
    return this.tasks.accessFacts(message.ctx.tenantId, message.data.taskId, message.data.personId);
  }
}
