import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { WorkflowView } from '@warden/contracts';
import { existingWorkflow } from './workflow.record';
import { WorkflowRepository } from './workflow.repository';

export class GetWorkflowQuery extends Query<WorkflowView> {
  constructor(
    readonly tenantId: string,
    readonly workflowId: string,
  ) {
    super();
  }
}

@QueryHandler(GetWorkflowQuery)
export class GetWorkflowHandler implements IQueryHandler<GetWorkflowQuery> {
  constructor(private readonly workflows: WorkflowRepository) {}

  execute({ tenantId, workflowId }: GetWorkflowQuery): Promise<WorkflowView> {
    return existingWorkflow(this.workflows, tenantId, workflowId);
  }
}
