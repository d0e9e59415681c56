import type { EventBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import type { ContactFields, ContactView, OutgoingEvent } from '@warden/contracts';
import { isForeignKeyViolation, isUniqueViolation } from '@warden/persistence';
import { BranchErrors } from '../branches/branch.errors';
import { ContactErrors } from './contact.errors';
import { contactUpdated } from './contact.events';
import type { ContactRecord, ContactRepository } from './contact.repository';

/** The row of a contact with these fields (a new contact's, or the current one's with the changes applied). */
export function contactRecord(id: string, fields: ContactFields, current: ContactView | null): ContactRecord {
  const email = fields.email;
  return {
    id,
    lastName: fields.lastName,
    firstName: fields.firstName,
    middleName: fields.middleName ?? null,
    email,
    // A placeholder stays one only while nobody replaces the generated address.
    emailIsPlaceholder: current !== null && current.emailIsPlaceholder && current.email.toLowerCase() === email.toLowerCase(),
    phone: fields.phone ?? null,
    messengerIds: fields.messengerIds ?? {},
    companyId: fields.companyId ?? null,
    status: fields.status ?? 'active',
    notifications: fields.notifications ?? true,
    responsibleEmployeeId: fields.responsibleEmployeeId ?? null,
    branchId: fields.branchId ?? null,
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
