import type { DataSource, EntityManager } from 'typeorm';
import type { TransitionView, WorkflowView } from '@warden/contracts';
import { WorkflowErrors } from './workflow.errors';
import { publishWorkflow } from './workflow.record';
import type { WorkflowWrites } from './workflow.record';

/**
 * One transition change under the workflow's row lock; then the workflow's version moves on (tasks'
 * cached decisions are keyed to it) and the workflow-changed event goes out, as for a whole update.
 */
export async function changeTransitions(
  dataSource: DataSource,
  writes: WorkflowWrites,
  tenantId: string,
  workflowId: string,
  change: (tx: EntityManager, current: WorkflowView) => Promise<void>,
): Promise<WorkflowView> {
  return dataSource.transaction(async (tx) => {
    const current = await writes.workflows.get(tenantId, workflowId, tx, true);
    if (!current) throw WorkflowErrors.notFound();
    await change(tx, current);
    await writes.workflows.renameWorkflow(tx, tenantId, current.id, undefined);
    return publishWorkflow(writes, tx, tenantId, current.id, current);
  });
}

/** `changeTransitions` for a change that leaves the transition whose id it returns: answers that transition. */
export async function changeTransition(
  dataSource: DataSource,
  writes: WorkflowWrites,
  tenantId: string,
  workflowId: string,
  change: (tx: EntityManager, current: WorkflowView) => Promise<string>,
): Promise<TransitionView> {
  let id = '';
  const workflow = await changeTransitions(dataSource, writes, tenantId, workflowId, async (tx, current) => {
    id = await change(tx, current);
  });
  return workflow.transitions.find((transition) => transition.id === id)!;
}
