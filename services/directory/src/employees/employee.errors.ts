import { DomainError } from '@warden/kernel';

export const EmployeeErrors = {
  notEmployee: (field: string): DomainError => DomainError.invalid('DIRECTORY.NOT_AN_EMPLOYEE', field, 'is not an employee of this tenant'),
  notFound: (): DomainError =>
    new DomainError('STAFF.NOT_FOUND', 'not_found', 'The employee was not found', [
      { field: 'id', reason: 'is not an employee of this tenant' },
    ]),
};
