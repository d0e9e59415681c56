import { DomainError } from '@warden/kernel';

export const WorkflowErrors = {
  notFound: (): DomainError => DomainError.notFound('WORKFLOW.NOT_FOUND', 'Workflow'),
  noDefault: (): DomainError =>
    new DomainError('WORKFLOW.NOT_PROVISIONED', 'conflict', 'The tenant has no order workflow yet; provision the tenant first'),
  unknownStatus: (field: string): DomainError => DomainError.invalid('STATUS.UNKNOWN', field, 'is not a status of this workflow'),
  duplicateName: (field: string): DomainError =>
    DomainError.invalid('STATUS.DUPLICATE_NAME', field, 'another status of this workflow has the same name'),
  noInitial: (): DomainError =>
    DomainError.invalid('WORKFLOW.NO_INITIAL_STATUS', 'statuses', 'needs at least one status of category initial that is not archived'),
  statusInUse: (statusId: string, name: string): DomainError =>
    new DomainError(
      'STATUS.IN_USE',
      'conflict',
      `Status "${name}" is used by orders and cannot be deleted; archive it instead`,
      [{ field: 'statuses', reason: `status ${statusId} is in use` }],
      { statusId },
    ),
};
