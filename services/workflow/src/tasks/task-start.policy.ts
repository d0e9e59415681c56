import type { DomainError } from '@warden/kernel';
import type { WorkflowKind } from '@warden/contracts';
import { TaskErrors } from './task.errors';

/**
 * The statuses a task made from a template may start in: the template's own status, in the template's
 * workflow. Refused: another workflow named alongside the template; a status that is gone or archived.
 */
export function templateStartStatuses<S extends { archived: boolean }>(
  workflowId: string | undefined,
  template: { workflowId: string },
  status: S | null,
): S[] | DomainError {
  if (workflowId !== undefined && workflowId !== template.workflowId) return TaskErrors.workflowMismatch();
  if (!status || status.archived) return TaskErrors.noStatus();
  return [status];
}

/**
 * The statuses a task without a template may start in: the initial statuses of the task workflow it names.
 * Refused: no workflow named; one that is unknown (null) or not a task workflow; one without a status to start in.
 */
export function workflowStartStatuses<S>(
  workflowId: string | undefined,
  workflow: { kind: WorkflowKind } | null,
  statuses: readonly S[],
): S[] | DomainError {
  if (!workflowId) return TaskErrors.workflowRequired();
  if (!workflow || workflow.kind !== 'task') return TaskErrors.unknownWorkflow();
  if (statuses.length === 0) return TaskErrors.noStatus();
  return [...statuses];
}

/**
 * The status a new task starts in: the one its creator named among the candidates, else the
 * first. Refused when the named one is not a candidate (any more: the gateway picked it from an earlier read).
 */
export function pickStartStatus<S extends { id: string }>(candidates: readonly S[], statusId: string | undefined): S | DomainError {
  const status = statusId === undefined ? candidates[0] : candidates.find((candidate) => candidate.id === statusId);
  return status ?? TaskErrors.startStatusGone();
}
