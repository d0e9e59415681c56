import type { PersonFieldChanges, PersonFields, UpdateContactLoginData } from '@warden/contracts';
import type { PersonChanges } from './person.repository';

// The fields arrive trimmed, emails lower-cased, blank optional text as null and every rule of their shape checked
// (libs/contracts/src/rpc/identity.rpc.ts, applied where the message arrives); these only map them to a row.

/** A new employee's fields; the optional ones absent are null. */
export function newPersonFields(fields: PersonFields): Required<PersonFields> {
  return {
    lastName: fields.lastName,
    firstName: fields.firstName,
    middleName: fields.middleName ?? null,
    phone: fields.phone ?? null,
    position: fields.position ?? null,
    email: fields.email,
  };
}

/**
 * A portal contact's fields as the directory holds them: the first name may be empty (a contact made
 * from a one-word message signature), and a contact has no position.
 */
export function contactPersonFields(fields: UpdateContactLoginData): Required<PersonFields> {
  return {
    lastName: fields.lastName,
    firstName: fields.firstName,
    middleName: fields.middleName ?? null,
    phone: fields.phone ?? null,
    position: null,
    email: fields.email,
  };
}

/** The columns a change sets: absent fields stay as they are, `null` clears an optional one. */
export function personChanges(changes: PersonFieldChanges): PersonChanges {
  return {
    last_name: changes.lastName,
    first_name: changes.firstName,
    middle_name: changes.middleName,
    phone: changes.phone,
    position: changes.position,
    email: changes.email,
  };
}
