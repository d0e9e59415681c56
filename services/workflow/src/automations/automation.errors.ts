import { DomainError } from '@warden/kernel';

export const AutomationErrors = {
  notFound: (): DomainError => DomainError.notFound('AUTOMATION.NOT_FOUND', 'Automation rule'),
  nameRequired: (): DomainError => DomainError.invalid('AUTOMATION.NAME_REQUIRED', 'name', 'must not be empty'),
  noteRequired: (): DomainError => DomainError.invalid('AUTOMATION.NOTE_REQUIRED', 'actions.note', 'must not be empty'),
  noteByClient: (): DomainError =>
    DomainError.invalid(
      'COMMENT.CLIENT_INTERNAL_NOTE',
      'actions.note',
      "cannot be written for the rule's owner: a client writes public replies only, internal notes are for employees",
    ),
  noActions: (): DomainError => DomainError.invalid('AUTOMATION.NO_ACTIONS', 'actions', 'must name at least one action'),
  unknownStatus: (field: string): DomainError =>
    DomainError.invalid('STATUS.UNKNOWN', field, 'is not a status of an order workflow of this tenant'),
  archivedStatus: (field: string): DomainError =>
    DomainError.invalid('STATUS.ARCHIVED', field, 'is archived; orders can no longer be put into it'),
  unknownDepartment: (field: string): DomainError => DomainError.invalid('DEPARTMENT.UNKNOWN', field, 'is not a department of this tenant'),
  unknownCompany: (field: string): DomainError => DomainError.invalid('COMPANY.UNKNOWN', field, 'is not a company of this tenant'),
  unknownChannel: (field: string): DomainError => DomainError.invalid('CHANNEL.UNKNOWN', field, 'is not a channel of this tenant'),
  unknownBranch: (field: string): DomainError => DomainError.invalid('BRANCH.UNKNOWN', field, 'is not a branch of this tenant'),
  conditionValueRequired: (field: string, operator: string): DomainError =>
    DomainError.invalid('AUTOMATION.CONDITION_VALUE_REQUIRED', field, `is required by the operator ${operator}`),
  conditionValueUnexpected: (field: string, operator: string): DomainError =>
    DomainError.invalid('AUTOMATION.CONDITION_VALUE_UNEXPECTED', field, `must be left out with the operator ${operator}`),
  conditionOperator: (field: string, contactField: string): DomainError =>
    DomainError.invalid('AUTOMATION.CONDITION_OPERATOR', field, `cannot be contains for ${contactField}: contains tests text fields only`),
  conditionValue: (field: string, reason: string): DomainError => DomainError.invalid('AUTOMATION.CONDITION_VALUE', field, reason),
  unknownEmployee: (field: string): DomainError => DomainError.invalid('EMPLOYEE.UNKNOWN', field, 'is not an employee of this tenant'),
};
