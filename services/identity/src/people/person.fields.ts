import { DomainError } from '@warden/kernel';
import type { PersonFields } from '@warden/contracts';
import type { PersonChanges } from './person.repository';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function required(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw DomainError.invalid('PERSON.FIELD_REQUIRED', field, 'must not be empty');
  return value.trim();
}

function optional(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function email(value: unknown, field: string): string {
  const text = required(value, field).toLowerCase();
  if (!EMAIL_PATTERN.test(text)) throw DomainError.invalid('PERSON.EMAIL_INVALID', field, 'must be an email address');
  return text;
}

/**
 * The service's own check of person fields (the gateway validated shapes already; this keeps the
 * invariants true for any caller of the bus). `prefix` names nested fields, e.g. `administrator.`.
 */
export function normalizeNewPerson(fields: PersonFields, prefix = ''): Required<PersonFields> {
  return {
    lastName: required(fields.lastName, `${prefix}lastName`),
    firstName: required(fields.firstName, `${prefix}firstName`),
    middleName: optional(fields.middleName) ?? null,
    phone: optional(fields.phone) ?? null,
    position: optional(fields.position) ?? null,
    email: email(fields.email, `${prefix}email`),
  };
}

/**
 * A portal contact's fields as the directory holds them: the first name may be empty (a contact made
 * from a one-word message signature), and a contact has no position.
 */
export function normalizeContactPerson(fields: Omit<PersonFields, 'position'>): Required<PersonFields> {
  return {
    lastName: required(fields.lastName, 'lastName'),
    firstName: typeof fields.firstName === 'string' ? fields.firstName.trim() : '',
    middleName: optional(fields.middleName) ?? null,
    phone: optional(fields.phone) ?? null,
    position: null,
    email: email(fields.email, 'email'),
  };
}

export function normalizeChanges(changes: Partial<PersonFields>): PersonChanges {
  return {
    last_name: changes.lastName === undefined ? undefined : required(changes.lastName, 'lastName'),
    first_name: changes.firstName === undefined ? undefined : required(changes.firstName, 'firstName'),
    middle_name: optional(changes.middleName),
    phone: optional(changes.phone),
    position: optional(changes.position),
    email: changes.email === undefined ? undefined : email(changes.email, 'email'),
  };
}
