import type { EventBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import type { ContactFields, ContactView, OutgoingEvent } from '@warden/contracts';
import { isForeignKeyViolation, isUniqueViolation } from '@warden/persistence';
import { BranchErrors } from '../branches/branch.errors';
import { optionalText } from '../shared/text';
import { ContactErrors } from './contact.errors';
import { contactUpdated } from './contact.events';
import type { ContactRecord, ContactRepository } from './contact.repository';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function requiredName(value: unknown, field: string): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!trimmed) throw ContactErrors.nameRequired(field);
  return trimmed;
}

/** A contact as stored: an email address, a last name, optional text as NULL, ids in lower case. */
export function contactRecord(id: string, fields: ContactFields, current: ContactView | null): ContactRecord {
  const email = typeof fields.email === 'string' ? fields.email.trim() : '';
  if (!EMAIL_PATTERN.test(email)) throw ContactErrors.emailRequired();
  return {
    id,
    lastName: requiredName(fields.lastName, 'lastName'),
    // May be empty for contacts created from a message signed with one word; the HTTP API asks for it.
    firstName: typeof fields.firstName === 'string' ? fields.firstName.trim() : '',
    middleName: optionalText(fields.middleName),
    email,
    // A placeholder stays one only while nobody replaces the generated address.
    emailIsPlaceholder: current !== null && current.emailIsPlaceholder && current.email.toLowerCase() === email.toLowerCase(),
    phone: optionalText(fields.phone),
    messengerIds: fields.messengerIds ?? {},
    companyId: fields.companyId?.toLowerCase() ?? null,
    status: fields.status ?? 'active',
    notifications: fields.notifications ?? true,
    responsibleEmployeeId: fields.responsibleEmployeeId?.toLowerCase() ?? null,
    branchId: fields.branchId?.toLowerCase() ?? null,
  };
}

/** Runs a contact change in one transaction: the unique email per tenant is the database's, answered as 409. */
export async function writeContact<T>(manager: EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await manager.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error, 'contacts_email_key')) throw ContactErrors.emailTaken();
    // The branch was deleted between the check and the write.
    if (isForeignKeyViolation(error)) throw BranchErrors.unknown('branchId');
    throw error;
  }
}

/** Records that the contact has a portal login (`personId`, its own id) or none, announcing it only when that changed. */
export function recordPortalPerson(
  manager: EntityManager,
  { contacts, events }: { contacts: ContactRepository; events: EventBus<OutgoingEvent> },
  tenantId: string,
  contactId: string,
  personId: string | null,
): Promise<ContactView> {
  return manager.transaction(async (manager) => {
    const current = await contacts.find(manager, tenantId, contactId, true);
    if (!current) throw ContactErrors.notFound();
    const target = personId ? 'granted' : 'none';
    if (current.portalPersonId === personId && current.portalAccess === target) return current;
    const contact = await contacts.setPortalPerson(manager, tenantId, contactId, personId);
    await events.publish(contactUpdated(tenantId, contact), manager);
    return contact;
  });
}
