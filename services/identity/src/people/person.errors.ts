import { DomainError } from '@warden/kernel';

export const StaffErrors = {
  notFound: (): DomainError => DomainError.notFound('STAFF.NOT_FOUND', 'The employee'),
  emailTaken: (email: string): DomainError =>
    new DomainError('STAFF.EMAIL_TAKEN', 'conflict', `Someone in this tenant already uses ${email}`, [
      { field: 'email', reason: 'is already used by another person of this tenant' },
    ]),
  deleted: (): DomainError => new DomainError('STAFF.DELETED', 'conflict', 'The employee is deleted and cannot be changed'),
  passwordRequired: (field: string): DomainError =>
    DomainError.invalid('STAFF.PASSWORD_REQUIRED', field, 'is required to grant login access to a person without a password'),
};

export const PersonErrors = {
  notFound: (): DomainError => DomainError.notFound('PERSON.NOT_FOUND', 'The person'),
};
