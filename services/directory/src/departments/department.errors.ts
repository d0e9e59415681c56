import { DomainError } from '@warden/kernel';

export const DepartmentErrors = {
  notFound: (): DomainError => DomainError.notFound('DEPARTMENT.NOT_FOUND', 'The department'),
  nameTaken: (): DomainError =>
    new DomainError('DEPARTMENT.NAME_TAKEN', 'conflict', 'A department with this name already exists', [
      { field: 'name', reason: 'is taken' },
    ]),
  inUse: (): DomainError =>
    new DomainError('DEPARTMENT.IN_USE', 'conflict', 'Channels still deliver to this department; move or delete them first'),
  unknown: (field: string): DomainError => DomainError.invalid('DEPARTMENT.UNKNOWN', field, 'is not a department of this tenant'),
};
