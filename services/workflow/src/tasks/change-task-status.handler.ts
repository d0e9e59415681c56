import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError, newId } from '@warden/kernel';
import type { ChangeTaskStatusData, OutgoingEvent, RequestContext, TaskView } from '@warden/contracts';
import { taskStatusChanged } from './task.events';
import { existingTask, rolesOf } from './task.record';
import { TaskRepository } from './task.repository';
import { planTaskStatusChange } from './task-status-change.policy';

/** Moves a task along one of its workflow's transitions, with its history entry and event. */
export class ChangeTaskStatusCommand extends Command<TaskView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: ChangeTaskStatusData,
  ) {
    super();
  }
}

@CommandHandler(ChangeTaskStatusCommand)
export class ChangeTaskStatusHandler implements ICommandHandler<ChangeTaskStatusCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  execute({ ctx, data }: ChangeTaskStatusCommand): Promise<TaskView> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      const current = await existingTask(this.tasks, tenantId, data.taskId, tx, true);
      const target = await this.tasks.status(tenantId, data.targetStatusId, tx);
      const transitionExists = target !== null && (await this.tasks.transitionExists(tx, tenantId, current.status.id, target.id));
      const actor = rolesOf(current, ctx.actorId);
      const actorKind = actor.kind ?? (ctx.actorId ? await this.tasks.kindOf(tenantId, ctx.actorId) : null);
      const plan = planTaskStatusChange(current, data, {
        target,
        transitionExists,
        actor: { id: ctx.actorId, roles: actor.roles, kind: actorKind },
      });
      if (plan instanceof DomainError) throw plan;
      await this.tasks.moveToStatus(tx, tenantId, current.id, plan.target);
      await this.tasks.addHistory(tx, tenantId, { id: newId(), taskId: current.id, ...plan.history });
      const task = (await this.tasks.get(tenantId, current.id, tx))!;
      await this.events.publish(taskStatusChanged(tenantId, task, plan.event), tx);
      return task;
    });
  }
}
