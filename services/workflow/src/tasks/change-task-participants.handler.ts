import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ChangeParticipantsData, OutgoingEvent, RequestContext, TaskView } from '@warden/contracts';
import { resolveParticipants } from '../people/participants.input';
import { PeopleDirectory } from '../people/people.directory';
import { lastAssignerRemoval } from './assigner.policy';
import { TaskErrors } from './task.errors';
import { taskParticipantsChanged } from './task.events';
import { existingTask } from './task.record';
import { TaskRepository } from './task.repository';

/** Adds and removes participants, never taking away the last assigner; no change, no event. */
export class ChangeTaskParticipantsCommand extends Command<TaskView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: ChangeParticipantsData,
  ) {
    super();
  }
}

@CommandHandler(ChangeTaskParticipantsCommand)
export class ChangeTaskParticipantsHandler implements ICommandHandler<ChangeTaskParticipantsCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly people: PeopleDirectory,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, data }: ChangeTaskParticipantsCommand): Promise<TaskView> {
    const adding = await resolveParticipants(this.people, ctx, data.add ?? [], 'add');
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      const current = await existingTask(this.tasks, tenantId, data.taskId, tx, true);
      const lastAssigner = lastAssignerRemoval(current.participants, adding, data.remove ?? []);
      if (lastAssigner !== null) throw TaskErrors.assignerRequired(`remove.${lastAssigner}`);
      const removed = await this.tasks.removeParticipants(tx, tenantId, current.id, data.remove ?? []);
      const added = await this.tasks.addParticipants(tx, tenantId, current.id, adding);
      if (added.length === 0 && removed.length === 0) return current;
      await this.tasks.touch(tx, tenantId, current.id);
      const task = (await this.tasks.get(tenantId, current.id, tx))!;
      await this.events.publish(taskParticipantsChanged(tenantId, task, added, removed, ctx.actorId), tx);
      return task;
    });
  }
}
