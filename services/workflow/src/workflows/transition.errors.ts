import { DomainError } from '@warden/kernel';

export const TransitionErrors = {
  freeWorkflow: (): DomainError =>
    DomainError.invalid(
      'TRANSITION.FREE_WORKFLOW',
      'transitions',
      'order workflows are free (any status to any status); transitions belong to task workflows',
    ),
  unknownStatus: (field: string): DomainError =>
    DomainError.invalid('TRANSITION.UNKNOWN_STATUS', field, 'is neither the id nor the name of a status of this workflow'),
  otherWorkflow: (field: string): DomainError =>
    DomainError.invalid(
      'TRANSITION.OTHER_WORKFLOW',
      field,
      'is a status of another workflow; a transition joins two statuses of the same workflow',
    ),
  sameStatus: (field: string): DomainError =>
    DomainError.invalid('TRANSITION.SAME_STATUS', field, 'a transition must lead to another status'),
  statusRequired: (field: string): DomainError =>
    DomainError.invalid('TRANSITION.STATUS_REQUIRED', field, 'is required: the id of a status of this workflow'),
  exists: (from: string, to: string): DomainError =>
    new DomainError(
      'TRANSITION.EXISTS',
      'conflict',
      `The workflow already has the transition '${from}' → '${to}'; change its grants instead`,
      [{ field: 'toStatusId', reason: 'this transition exists already' }],
    ),
  notFound: (): DomainError => DomainError.notFound('TRANSITION.NOT_FOUND', 'Transition'),
  duplicate: (field: string): DomainError => DomainError.invalid('TRANSITION.DUPLICATE', field, 'the same transition is listed twice'),
  unknownGroup: (field: string): DomainError => DomainError.invalid('GROUP.UNKNOWN', field, 'is not a group of this tenant'),
};
