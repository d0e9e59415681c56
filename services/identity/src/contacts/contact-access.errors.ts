import { DomainError } from '@warden/kernel';

export const ContactAccessErrors = {
  notFound: (): DomainError => DomainError.notFound('CONTACT_ACCESS.NOT_FOUND', 'The contact login'),
  emailTaken: (email: string): DomainError =>
    new DomainError('CONTACT_ACCESS.EMAIL_TAKEN', 'conflict', `Another person of this tenant already signs in with ${email}`, [
      { field: 'email', reason: 'is already used by another person of this tenant' },
    ]),
  /** The id belongs to an employee (or a deleted person): a contact id can never become one. */
  notAContact: (): DomainError =>
    new DomainError('CONTACT_ACCESS.NOT_A_CONTACT', 'conflict', 'This id belongs to a person who is not a client contact'),
};
