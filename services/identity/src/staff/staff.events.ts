import type { OutgoingEvent } from '@warden/contracts';
import { EmployeeCreatedV1, EmployeeDeletedV1, EmployeeUpdatedV1 } from '@warden/contracts';
import { toSnapshot } from '../people/person.mapper';
import type { PersonRow } from '../people/person.row';

export function employeeCreated(row: PersonRow, groupIds: string[]): OutgoingEvent<EmployeeCreatedV1> {
  return { contract: EmployeeCreatedV1, tenantId: row.tenant_id, subject: row.id, data: { ...toSnapshot(row), groupIds } };
}

export function employeeUpdated(row: PersonRow): OutgoingEvent<EmployeeUpdatedV1> {
  return { contract: EmployeeUpdatedV1, tenantId: row.tenant_id, subject: row.id, data: toSnapshot(row) };
}

export function employeeDeleted(row: PersonRow): OutgoingEvent<EmployeeDeletedV1> {
  return {
    contract: EmployeeDeletedV1,
    tenantId: row.tenant_id,
    subject: row.id,
    data: { personId: row.id, deletedAt: (row.deleted_at ?? new Date()).toISOString() },
  };
}
