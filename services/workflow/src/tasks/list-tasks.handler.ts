import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { decodeCursor, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import type { ListTasksData, TaskView } from '@warden/contracts';
import { taskViewers } from './task-sight.filter';
import { TaskRepository } from './task.repository';

/** A page of the tasks the caller's visibility (decided by the permissions service) lets see. */
export class ListTasksQuery extends Query<Page<TaskView>> {
  constructor(
    readonly tenantId: string,
    readonly data: ListTasksData,
  ) {
    super();
  }
}

@QueryHandler(ListTasksQuery)
export class ListTasksHandler implements IQueryHandler<ListTasksQuery> {
  constructor(private readonly tasks: TaskRepository) {}

  async execute({ tenantId, data }: ListTasksQuery): Promise<Page<TaskView>> {
    const after = decodeCursor(data.cursor);
    if (taskViewers(data.visibility).length === 0 && data.visibility.all !== true) return { items: [], nextCursor: null };
    const rows = await this.tasks.list(tenantId, {
      visibility: data.visibility,
      projectId: data.projectId,
      statusId: data.statusId,
      participantId: data.participantId,
      role: data.role,
      afterId: after?.id,
      limit: data.limit,
    });
    return toPage(rows, data.limit, (task) => ({ key: task.id, id: task.id }));
  }
}
