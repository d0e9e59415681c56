import type { EntityManager } from 'typeorm';
import { DomainError } from '@warden/kernel';
import type { PersonFields } from '@warden/contracts';
import type { PersonChanges } from '../people/person.repository';
import { ContactAccessErrors } from './contact-access.errors';

/** The person columns a contact login takes from the directory's contact card (granting and updating alike). */
export function contactLoginColumns(fields: Required<PersonFields>): PersonChanges {
  return {
    last_name: fields.lastName,
    first_name: fields.firstName,
    middle_name: fields.middleName,
    phone: fields.phone,
    email: fields.email,
  };
}

/**
 * Runs a contact login's change in one transaction. The person repository speaks of staff (STAFF.EMAIL_TAKEN);
 * the caller here is writing a contact's login, so the email conflict is answered as the contact's.
 */
export async function writeContactLogin<T>(
  manager: EntityManager,
  email: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await manager.transaction(work);
  } catch (error) {
    throw error instanceof DomainError && error.code === 'STAFF.EMAIL_TAKEN' ? ContactAccessErrors.emailTaken(email) : error;
  }
}
