import { WorkflowChangedV1 } from '@warden/contracts';
import type { OutgoingEvent, WorkflowView } from '@warden/contracts';

/** The full snapshot of a workflow's statuses, published on every change for read models elsewhere. */
export function workflowChanged(tenantId: string, workflow: WorkflowView): OutgoingEvent<WorkflowChangedV1> {
  return {
    contract: WorkflowChangedV1,
    tenantId,
    subject: workflow.id,
    data: {
      workflowId: workflow.id,
      name: workflow.name,
      kind: workflow.kind,
      statuses: workflow.statuses.map((status) => ({
        statusId: status.id,
        name: status.name,
        category: status.category,
        position: status.position,
        archived: status.archived,
      })),
    },
  };
}
