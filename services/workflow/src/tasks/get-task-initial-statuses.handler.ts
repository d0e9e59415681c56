import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OrderStartingStatuses, TaskStartQuery } from '@warden/contracts';
import { TemplateErrors } from '../templates/template.errors';
import { TemplateRepository } from '../templates/template.repository';
import { WorkflowRepository } from '../workflows/workflow.repository';
import { startStatuses } from './task.record';
import { TaskRepository } from './task.repository';

/** The statuses a new task may start in (the gateway picks the first its creator may set). */
export class GetTaskInitialStatusesQuery extends Query<OrderStartingStatuses> {
  constructor(
    readonly tenantId: string,
    readonly data: TaskStartQuery,
  ) {
    super();
  }
}

@QueryHandler(GetTaskInitialStatusesQuery)
export class GetTaskInitialStatusesHandler implements IQueryHandler<GetTaskInitialStatusesQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly workflows: WorkflowRepository,
    private readonly templates: TemplateRepository,
  ) {}

  async execute({ tenantId, data }: GetTaskInitialStatusesQuery): Promise<OrderStartingStatuses> {
    const manager = this.dataSource.manager;
    const template = data.templateId ? await this.templates.get(tenantId, data.templateId, manager) : null;
    if (data.templateId && !template) throw TemplateErrors.unknown('templateId');
    const statuses = await startStatuses(this.tasks, this.workflows, manager, tenantId, data.workflowId, template);
    return { workflowId: statuses[0]!.workflowId, statuses: statuses.map((status) => ({ id: status.id, name: status.name })) };
  }
}
