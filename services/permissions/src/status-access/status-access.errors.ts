import { DomainError } from '@warden/kernel';

export const StatusAccessErrors = {
  groupNotFound: (): DomainError => DomainError.notFound('GROUP.NOT_FOUND', 'Group'),
  unknownStatus: (index: number): DomainError =>
    DomainError.invalid('STATUS.UNKNOWN', `levels.${index}.statusId`, 'is not a status of an order or task workflow of this tenant'),
  duplicateStatus: (index: number): DomainError =>
    DomainError.invalid('STATUS_ACCESS.DUPLICATE_STATUS', `levels.${index}.statusId`, 'appears more than once'),
};
