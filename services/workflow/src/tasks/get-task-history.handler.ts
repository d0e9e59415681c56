import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { TaskHistoryEntry } from '@warden/contracts';
import { existingTask } from './task.record';
import { TaskRepository } from './task.repository';

export class GetTaskHistoryQuery extends Query<TaskHistoryEntry[]> {
  constructor(
    readonly tenantId: string,
    readonly taskId: string,
  ) {
    super();
  }
}

@QueryHandler(GetTaskHistoryQuery)
export class GetTaskHistoryHandler implements IQueryHandler<GetTaskHistoryQuery> {
  constructor(private readonly tasks: TaskRepository) {}

  async execute({ tenantId, taskId }: GetTaskHistoryQuery): Promise<TaskHistoryEntry[]> {
    const task = await existingTask(this.tasks, tenantId, taskId);
    return this.tasks.history(tenantId, task.id);
  }
}
