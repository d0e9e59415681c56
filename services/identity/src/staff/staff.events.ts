import type { NewEvent } from '@warden/contracts';
import { EmployeeCreatedV1, EmployeeDeletedV1, EmployeeUpdatedV1 } from '@warden/contracts';
import { toSnapshot } from '../people/person.mapper';
import type { PersonRow } from '../people/person.row';

export function employeeCreated(row: PersonRow, groupIds: string[]): NewEvent<EmployeeCreatedV1> {
  return { type: EmployeeCreatedV1.type, tenantId: row.tenant_id, subject: row.id, data: { ...toSnapshot(row), groupIds } };
}

export function employeeUpdated(row: PersonRow): NewEvent<EmployeeUpdatedV1> {
  return { type: EmployeeUpdatedV1.type, tenantId: row.tenant_id, subject: row.id, data: toSnapshot(row) };
}

export function employeeDeleted(row: PersonRow): NewEvent<EmployeeDeletedV1> {
  return {
    type: EmployeeDeletedV1.type,
    tenantId: row.tenant_id,
    subject: row.id,
    data: { personId: row.id, deletedAt: (row.deleted_at ?? new Date()).toISOString() },
  };
}
