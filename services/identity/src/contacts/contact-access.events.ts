import type { NewEvent } from '@warden/contracts';
import { ContactAccessGrantedV1, ContactAccessRevokedV1 } from '@warden/contracts';
import { toSnapshot } from '../people/person.mapper';
import type { PersonRow } from '../people/person.row';

export function contactAccessGranted(row: PersonRow): NewEvent<ContactAccessGrantedV1> {
  return { type: ContactAccessGrantedV1.type, tenantId: row.tenant_id, subject: row.id, data: toSnapshot(row) };
}

export function contactAccessRevoked(row: PersonRow): NewEvent<ContactAccessRevokedV1> {
  return { type: ContactAccessRevokedV1.type, tenantId: row.tenant_id, subject: row.id, data: toSnapshot(row) };
}
