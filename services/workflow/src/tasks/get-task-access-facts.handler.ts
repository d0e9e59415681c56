import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { TaskAccessFacts } from '@warden/contracts';
import { WorkflowRepository } from '../workflows/workflow.repository';
import { existingTask, rolesOf } from './task.record';
import { TaskRepository } from './task.repository';

/** The facts the permissions service's `task` rule decides on, read fresh at decision time. */
export class GetTaskAccessFactsQuery extends Query<TaskAccessFacts> {
  constructor(
    readonly tenantId: string,
    readonly taskId: string,
    readonly personId: string,
  ) {
    super();
  }
}

@QueryHandler(GetTaskAccessFactsQuery)
export class GetTaskAccessFactsHandler implements IQueryHandler<GetTaskAccessFactsQuery> {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly workflows: WorkflowRepository,
  ) {}

  async execute({ tenantId, taskId, personId }: GetTaskAccessFactsQuery): Promise<TaskAccessFacts> {
    const task = await existingTask(this.tasks, tenantId, taskId);
    const [workflow, transitions] = await Promise.all([
      this.workflows.get(tenantId, task.workflowId),
      this.tasks.transitionsFrom(tenantId, task.status.id),
    ]);
    const person = rolesOf(task, personId);
    const kind = person.kind ?? (await this.tasks.kindOf(tenantId, personId));
    return {
      taskId: task.id,
      workflowId: task.workflowId,
      status: { id: task.status.id, name: task.status.name, category: task.status.category },
      person: { roles: person.roles, kind },
      participantIds: [...new Set(task.participants.map((participant) => participant.personId))],
      statuses: (workflow?.statuses ?? []).map((status) => ({
        id: status.id,
        name: status.name,
        category: status.category,
        archived: status.archived,
      })),
      transitions,
    };
  }
}
