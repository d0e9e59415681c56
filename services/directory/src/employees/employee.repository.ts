import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface EmployeeRecord {
  tenantId: string;
  personId: string;
  kind: string;
  fullName: string;
  email: string;
  deletedAt: Date | null;
  /** When identity knew this state (event time or the person's updatedAt); older news never overwrites newer. */
  sourceTime: Date;
}

/** The read model of identity's people, kept from identity events (and from identity itself on a miss). */
@Injectable()
export class EmployeeRepository {
  async upsert(manager: EntityManager, record: EmployeeRecord): Promise<void> {
    await manager.query(
      `INSERT INTO employees (tenant_id, person_id, kind, full_name, email, deleted_at, source_time)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, person_id) DO UPDATE SET
         kind = EXCLUDED.kind, full_name = EXCLUDED.full_name, email = EXCLUDED.email,
         deleted_at = COALESCE(employees.deleted_at, EXCLUDED.deleted_at), source_time = EXCLUDED.source_time
       WHERE employees.source_time <= EXCLUDED.source_time`,
      [record.tenantId, record.personId, record.kind, record.fullName, record.email, record.deletedAt, record.sourceTime],
    );
  }

  async markDeleted(manager: EntityManager, tenantId: string, personId: string, deletedAt: Date): Promise<void> {
    // A deletion may overtake the creation; keep a tombstone so the late creation cannot revive the person.
    await manager.query(
      `INSERT INTO employees (tenant_id, person_id, kind, full_name, email, deleted_at, source_time)
       VALUES ($1, $2, 'employee', '', '', $3, $3)
       ON CONFLICT (tenant_id, person_id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at`,
      [tenantId, personId, deletedAt],
    );
  }

  /** Ids among `personIds` that are known, current employees of the tenant. */
  /** For each id the read model knows: whether it is a current employee. One read, so the answer is consistent. */
  async employeeStates(manager: EntityManager, tenantId: string, personIds: string[]): Promise<Map<string, boolean>> {
    if (personIds.length === 0) return new Map();
    const rows: Array<{ person_id: string; active: boolean }> = await manager.query(
      `SELECT person_id, (kind = 'employee' AND deleted_at IS NULL) AS active
         FROM employees WHERE tenant_id = $1 AND person_id = ANY($2::uuid[])`,
      [tenantId, personIds],
    );
    return new Map(rows.map((row) => [row.person_id, row.active]));
  }
}
