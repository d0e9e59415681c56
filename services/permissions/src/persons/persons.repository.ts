import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PersonKind } from '@warden/contracts';

/** The persons read model: fed by identity's events and by the synchronous membership calls. */
@Injectable()
export class PersonsRepository {
  /** Records a person unless already known; true when this call created the row. */
  async ensure(manager: EntityManager, tenantId: string, personId: string, kind: PersonKind): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'INSERT INTO persons (tenant_id, person_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING person_id',
      [tenantId, personId, kind],
    );
    return rows.length > 0;
  }

  /** Records the person's kind; true when a known person's kind changed (decisions depend on it). */
  async upsertKind(manager: EntityManager, tenantId: string, personId: string, kind: PersonKind): Promise<boolean> {
    const rows: Array<{ previous: PersonKind | null }> = await manager.query(
      `WITH before AS (SELECT kind FROM persons WHERE tenant_id = $1 AND person_id = $2)
       INSERT INTO persons (tenant_id, person_id, kind) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, person_id) DO UPDATE SET kind = EXCLUDED.kind, updated_at = now()
       RETURNING (SELECT kind FROM before) AS previous`,
      [tenantId, personId, kind],
    );
    const previous = rows[0]?.previous ?? null;
    return previous !== null && previous !== kind;
  }

  /** Marks a person deleted (recording it if the creation event has not arrived); true when it changed. */
  async markDeleted(manager: EntityManager, tenantId: string, personId: string, deletedAt: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO persons (tenant_id, person_id, kind, deleted_at) VALUES ($1, $2, 'employee', $3)
       ON CONFLICT (tenant_id, person_id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at, updated_at = now()
       WHERE persons.deleted_at IS NULL RETURNING person_id`,
      [tenantId, personId, deletedAt],
    );
    return rows.length > 0;
  }

  /** Which of these people are known and not deleted. */
  async active(manager: EntityManager, tenantId: string, personIds: readonly string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows: Array<{ person_id: string }> = await manager.query(
      'SELECT person_id FROM persons WHERE tenant_id = $1 AND person_id = ANY($2::uuid[]) AND deleted_at IS NULL',
      [tenantId, personIds],
    );
    return new Set(rows.map((row) => row.person_id));
  }

  async exists(manager: EntityManager, tenantId: string, personId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM persons WHERE tenant_id = $1 AND person_id = $2', [tenantId, personId]);
    return rows.length > 0;
  }
}
