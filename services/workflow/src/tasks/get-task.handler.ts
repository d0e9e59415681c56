import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { TaskView } from '@warden/contracts';
import { existingTask } from './task.record';
import { TaskRepository } from './task.repository';

export class GetTaskQuery extends Query<TaskView> {
  constructor(
    readonly tenantId: string,
    readonly taskId: string,
  ) {
    super();
  }
}

@QueryHandler(GetTaskQuery)
export class GetTaskHandler implements IQueryHandler<GetTaskQuery> {
  constructor(private readonly tasks: TaskRepository) {}

  execute({ tenantId, taskId }: GetTaskQuery): Promise<TaskView> {
    return existingTask(this.tasks, tenantId, taskId);
  }
}
