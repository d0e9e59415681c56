import type { OutgoingEvent } from '@warden/contracts';
import { ContactAccessGrantedV1, ContactAccessRevokedV1 } from '@warden/contracts';
import { toSnapshot } from '../people/person.mapper';
import type { PersonRow } from '../people/person.row';

export function contactAccessGranted(row: PersonRow): OutgoingEvent<ContactAccessGrantedV1> {
  return { contract: ContactAccessGrantedV1, tenantId: row.tenant_id, subject: row.id, data: toSnapshot(row) };
}

export function contactAccessRevoked(row: PersonRow): OutgoingEvent<ContactAccessRevokedV1> {
  return { contract: ContactAccessRevokedV1, tenantId: row.tenant_id, subject: row.id, data: toSnapshot(row) };
}
