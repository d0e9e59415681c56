import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { WorkflowKind, WorkflowView } from '@warden/contracts';
import { WorkflowRepository } from './workflow.repository';

export class ListWorkflowsQuery extends Query<WorkflowView[]> {
  constructor(
    readonly tenantId: string,
    readonly kind?: WorkflowKind,
  ) {
    super();
  }
}

@QueryHandler(ListWorkflowsQuery)
export class ListWorkflowsHandler implements IQueryHandler<ListWorkflowsQuery> {
  constructor(private readonly workflows: WorkflowRepository) {}

  execute({ tenantId, kind }: ListWorkflowsQuery): Promise<WorkflowView[]> {
    return this.workflows.list(tenantId, kind);
  }
}
