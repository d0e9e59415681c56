import { ContactCreatedV1, ContactUpdatedV1 } from '@warden/contracts';
import type { ContactSnapshotV1, ContactView, OutgoingEvent } from '@warden/contracts';

function snapshot(contact: ContactView): ContactSnapshotV1 {
  return {
    contactId: contact.id,
    lastName: contact.lastName,
    firstName: contact.firstName,
    middleName: contact.middleName,
    email: contact.email,
    emailIsPlaceholder: contact.emailIsPlaceholder,
    phone: contact.phone,
    messengerIds: contact.messengerIds,
    companyId: contact.companyId,
    status: contact.status,
    notifications: contact.notifications,
    responsibleEmployeeId: contact.responsibleEmployeeId,
    branchId: contact.branchId,
    portalPersonId: contact.portalPersonId,
    at: contact.updatedAt,
  };
}

export function contactCreated(tenantId: string, contact: ContactView): OutgoingEvent<ContactSnapshotV1> {
  return { contract: ContactCreatedV1, tenantId, subject: contact.id, data: snapshot(contact) };
}

export function contactUpdated(tenantId: string, contact: ContactView): OutgoingEvent<ContactSnapshotV1> {
  return { contract: ContactUpdatedV1, tenantId, subject: contact.id, data: snapshot(contact) };
}
