import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PersonKind } from '@warden/contracts';

export interface PersonRecord {
  personId: string;
  kind: PersonKind;
  deleted: boolean;
}

/**
 * Read model of identity's people (employees and contacts): who may be a task participant, and
 * of which kind. Fed by identity's events; a snapshot older than the one held is ignored.
 */
@Injectable()
export class PeopleRepository {
  async upsert(
    manager: EntityManager,
    person: { tenantId: string; personId: string; kind: PersonKind; deletedAt: Date | null; sourceTime: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO people (tenant_id, person_id, kind, deleted_at, source_time) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, person_id) DO UPDATE SET kind = EXCLUDED.kind, deleted_at = EXCLUDED.deleted_at, source_time = EXCLUDED.source_time
       WHERE people.source_time <= EXCLUDED.source_time`,
      [person.tenantId, person.personId, person.kind, person.deletedAt, person.sourceTime],
    );
  }

  /** Records a deletion even before the creation event arrived (then as an employee, the only kind identity deletes). */
  async markDeleted(manager: EntityManager, tenantId: string, personId: string, deletedAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO people (tenant_id, person_id, kind, deleted_at, source_time) VALUES ($1, $2, 'employee', $3, $3)
       ON CONFLICT (tenant_id, person_id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at`,
      [tenantId, personId, deletedAt],
    );
  }

  async find(manager: EntityManager, tenantId: string, personIds: readonly string[]): Promise<Map<string, PersonRecord>> {
    if (personIds.length === 0) return new Map();
    const rows: Array<{ person_id: string; kind: PersonKind; deleted: boolean }> = await manager.query(
      'SELECT person_id, kind, deleted_at IS NOT NULL AS deleted FROM people WHERE tenant_id = $1 AND person_id = ANY($2::uuid[])',
      [tenantId, personIds],
    );
    return new Map(rows.map((row) => [row.person_id, { personId: row.person_id, kind: row.kind, deleted: row.deleted }]));
  }
}
