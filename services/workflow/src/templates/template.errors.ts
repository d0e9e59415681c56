import { DomainError } from '@warden/kernel';

export const TemplateErrors = {
  notFound: (): DomainError => DomainError.notFound('TEMPLATE.NOT_FOUND', 'Template'),
  unknown: (field: string): DomainError => DomainError.invalid('TEMPLATE.UNKNOWN', field, 'is not a template of this tenant'),
  nameRequired: (): DomainError => DomainError.invalid('TEMPLATE.NAME_REQUIRED', 'name', 'must not be empty'),
  unknownWorkflow: (): DomainError => DomainError.invalid('WORKFLOW.UNKNOWN', 'workflowId', 'is not a task workflow of this tenant'),
  statusNotInWorkflow: (): DomainError =>
    DomainError.invalid('TEMPLATE.STATUS_NOT_IN_WORKFLOW', 'initialStatusId', "is not a status of the template's workflow"),
  archivedStatus: (): DomainError =>
    DomainError.invalid('STATUS.ARCHIVED', 'initialStatusId', 'is archived; tasks can no longer start in it'),
};
