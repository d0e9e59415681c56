import { DomainError } from '@warden/kernel';

export const TaskErrors = {
  notFound: (): DomainError => DomainError.notFound('TASK.NOT_FOUND', 'Task'),
  titleRequired: (): DomainError => DomainError.invalid('TASK.TITLE_REQUIRED', 'title', 'must not be empty'),
  workflowRequired: (): DomainError =>
    DomainError.invalid('TASK.WORKFLOW_REQUIRED', 'workflowId', 'is required when the task has no template'),
  unknownWorkflow: (): DomainError => DomainError.invalid('WORKFLOW.UNKNOWN', 'workflowId', 'is not a task workflow of this tenant'),
  workflowMismatch: (): DomainError =>
    DomainError.invalid('TASK.WORKFLOW_MISMATCH', 'workflowId', "differs from the template's workflow; leave it out or use the template's"),
  assignerRequired: (field: string): DomainError =>
    DomainError.invalid(
      'TASK.ASSIGNER_REQUIRED',
      field,
      'removes the last assigner; a task keeps at least one assigner, so add another assigner first (or in the same request)',
    ),
  startStatusGone: (): DomainError =>
    new DomainError(
      'TASK.START_STATUS_CHANGED',
      'conflict',
      'The status chosen to start the task in is no longer one it may start in; try again',
    ),
  noStatus: (): DomainError => new DomainError('WORKFLOW.NO_INITIAL_STATUS', 'conflict', 'The workflow has no status to start a task in'),
  unknownStatus: (): DomainError => DomainError.invalid('STATUS.UNKNOWN', 'statusId', "is not a status of the task's workflow"),
  archivedStatus: (): DomainError => DomainError.invalid('STATUS.ARCHIVED', 'statusId', 'is archived; tasks can no longer be put into it'),
  noTransition: (from: string, to: string): DomainError =>
    new DomainError('TRANSITION.NONE', 'conflict', `There is no transition from '${from}' to '${to}' in the task's workflow`, [
      { field: 'statusId', reason: `no transition from '${from}' to '${to}'` },
    ]),
  alreadyInStatus: (): DomainError => new DomainError('TASK.ALREADY_IN_STATUS', 'conflict', 'The task is already in this status'),
  statusMoved: (): DomainError =>
    new DomainError('TASK.STATUS_MOVED', 'conflict', 'The task changed status while the request was decided; reload it and retry'),
  versionMismatch: (expected: number, actual: number): DomainError =>
    new DomainError(
      'TASK.VERSION_MISMATCH',
      'conflict',
      `The task is at version ${actual}, not ${expected}; reload it and retry`,
      undefined,
      {
        currentVersion: actual,
      },
    ),
};
