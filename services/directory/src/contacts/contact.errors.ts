import { DomainError } from '@warden/kernel';

export const ContactErrors = {
  notFound: (): DomainError => DomainError.notFound('CONTACT.NOT_FOUND', 'The contact'),
  emailTaken: (): DomainError =>
    new DomainError('CONTACT.EMAIL_TAKEN', 'conflict', 'Another contact of this tenant has this email', [
      { field: 'email', reason: 'is taken' },
    ]),
  placeholderEmail: (): DomainError =>
    DomainError.invalid('CONTACT.EMAIL_PLACEHOLDER', 'email', 'is a generated placeholder; set a real email before granting portal access'),
  blocked: (): DomainError => DomainError.invalid('CONTACT.BLOCKED', 'status', 'a blocked contact cannot be given portal access'),
  unknown: (field: string): DomainError => DomainError.invalid('CONTACT.UNKNOWN', field, 'is not a contact of this tenant'),
};
