import { DomainError } from '@warden/kernel';
import { ORDER_TAG_MAX_LENGTH, ORDER_TAGS_MAX } from '@warden/contracts';

export const OrderErrors = {
  notFound: (): DomainError => DomainError.notFound('ORDER.NOT_FOUND', 'Order'),
  titleRequired: (): DomainError => DomainError.invalid('ORDER.TITLE_REQUIRED', 'title', 'must not be empty'),
  tagInvalid: (field: string): DomainError =>
    DomainError.invalid(
      'ORDER.TAG_INVALID',
      field,
      `must be a tag: 1 to ${ORDER_TAG_MAX_LENGTH} letters, digits, '-', '_' or ':' once trimmed and lower-cased`,
    ),
  tooManyTags: (field: string): DomainError =>
    DomainError.invalid('ORDER.TOO_MANY_TAGS', field, `must hold at most ${ORDER_TAGS_MAX} different tags`),
  unknownWorkflow: (): DomainError => DomainError.invalid('WORKFLOW.UNKNOWN', 'workflowId', 'is not an order workflow of this tenant'),
  unknownStatus: (): DomainError => DomainError.invalid('STATUS.UNKNOWN', 'statusId', "is not a status of the order's workflow"),
  archivedStatus: (): DomainError => DomainError.invalid('STATUS.ARCHIVED', 'statusId', 'is archived; orders can no longer be put into it'),
  noInitialStatus: (): DomainError =>
    new DomainError('WORKFLOW.NO_INITIAL_STATUS', 'conflict', 'The workflow has no initial status to start an order in'),
  versionMismatch: (expected: number, actual: number): DomainError =>
    new DomainError(
      'ORDER.VERSION_MISMATCH',
      'conflict',
      `The order is at version ${actual}, not ${expected}; reload it and retry`,
      undefined,
      {
        currentVersion: actual,
      },
    ),
  statusMoved: (): DomainError =>
    new DomainError('ORDER.STATUS_MOVED', 'conflict', 'The order changed status while the request was decided; reload it and retry'),
  alreadyInStatus: (): DomainError => new DomainError('ORDER.ALREADY_IN_STATUS', 'conflict', 'The order is already in this status'),
  unknownDepartment: (field = 'departmentId'): DomainError =>
    DomainError.invalid('DEPARTMENT.UNKNOWN', field, 'is not a department of this tenant'),
  unknownContact: (): DomainError => DomainError.invalid('CONTACT.UNKNOWN', 'clientContactId', 'is not a contact of this tenant'),
  unknownEquipment: (): DomainError => DomainError.invalid('EQUIPMENT.UNKNOWN', 'equipmentId', 'is not equipment of this tenant'),
  equipmentWithoutCompany: (): DomainError =>
    DomainError.invalid(
      'ORDER.EQUIPMENT_WITHOUT_CLIENT_COMPANY',
      'equipmentId',
      "needs a client contact of a company; the order's client has none",
    ),
  equipmentOfOtherCompany: (): DomainError =>
    DomainError.invalid('ORDER.EQUIPMENT_OTHER_COMPANY', 'equipmentId', "belongs to another company than the order's client"),
  useTransfer: (): DomainError =>
    DomainError.invalid(
      'ORDER.USE_TRANSFER',
      'departmentId',
      'moving an order to another department is a transfer: POST /api/v1/orders/{id}/transfer',
    ),
  alreadyInDepartment: (): DomainError =>
    new DomainError('ORDER.ALREADY_IN_DEPARTMENT', 'conflict', 'The order is already in this department'),
  departmentMoved: (): DomainError =>
    new DomainError(
      'ORDER.DEPARTMENT_MOVED',
      'conflict',
      'The order changed department while the request was decided; reload it and retry',
    ),
};
