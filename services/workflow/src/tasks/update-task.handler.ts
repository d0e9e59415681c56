import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError } from '@warden/kernel';
import type { TaskView, UpdateTaskData } from '@warden/contracts';
import { existingTask } from './task.record';
import { TaskRepository } from './task.repository';
import { planTaskUpdate, taskFieldsRefusal } from './task-update.policy';

/** Changes a task's title and description. */
export class UpdateTaskCommand extends Command<TaskView> {
  constructor(
    readonly tenantId: string,
    readonly data: UpdateTaskData,
  ) {
    super();
  }
}

@CommandHandler(UpdateTaskCommand)
export class UpdateTaskHandler implements ICommandHandler<UpdateTaskCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
  ) {}

  async execute({ tenantId, data }: UpdateTaskCommand): Promise<TaskView> {
    const badFields = taskFieldsRefusal(data.changes);
    if (badFields) throw badFields;
    return this.dataSource.transaction(async (tx) => {
      const current = await existingTask(this.tasks, tenantId, data.taskId, tx, true);
      const fields = planTaskUpdate(current, data);
      if (fields instanceof DomainError) throw fields;
      await this.tasks.touch(tx, tenantId, current.id, fields);
      return (await this.tasks.get(tenantId, current.id, tx))!;
    });
  }
}
