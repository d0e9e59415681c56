import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { PersonKind } from '@warden/contracts';
import { queryRows } from '@warden/persistence';

type Entity = 'department' | 'company';

interface FactsRow {
  kind: PersonKind | null;
  /** The tenant's policy version the row was read under (same statement). */
  policy_version: string | null;
  department_ids: string[];
  company_ids: string[];
}

/** The table and column holding each entity's people. */
const PEOPLE: Record<Entity, { table: string; column: string }> = {
  department: { table: 'department_members', column: 'department_id' },
  company: { table: 'company_client_managers', column: 'company_id' },
};

/**
 * The directory read models of order visibility: department members and company client managers.
 * Written only by the directory event consumers; read in one round trip per decision.
 */
@Injectable()
export class OrderVisibilityRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Kind, departments and managed companies of a person (empty when nothing is known). */
  async facts(tenantId: string, personId: string, manager: EntityManager = this.dataSource.manager): Promise<FactsRow> {
    const rows: FactsRow[] = await manager.query(
      `SELECT p.kind, (SELECT version FROM tenant_policy WHERE tenant_id = $1) AS policy_version,
              COALESCE((SELECT json_agg(d.department_id ORDER BY d.department_id) FROM department_members d
                        WHERE d.tenant_id = $1 AND d.person_id = $2), '[]'::json) AS department_ids,
              COALESCE((SELECT json_agg(c.company_id ORDER BY c.company_id) FROM company_client_managers c
                        WHERE c.tenant_id = $1 AND c.person_id = $2), '[]'::json) AS company_ids
       FROM (SELECT 1) AS one LEFT JOIN persons p ON p.tenant_id = $1 AND p.person_id = $2`,
      [tenantId, personId],
    );
    return rows[0]!;
  }

  /**
   * Makes the entity's people exactly `personIds` unless a newer snapshot (or the deletion) was
   * already applied. Returns who joined or left according to this read model, or null when stale.
   */
  async replacePeople(manager: EntityManager, tenantId: string, entity: Entity, entityId: string, personIds: readonly string[], at: string): Promise<string[] | null> {
    if (!(await this.claim(manager, tenantId, entity, entityId, at, false))) return null;
    const { table, column } = PEOPLE[entity];
    const before: Array<{ person_id: string }> = await manager.query(`SELECT person_id FROM ${table} WHERE tenant_id = $1 AND ${column} = $2`, [
      tenantId,
      entityId,
    ]);
    const after = new Set(personIds.map((id) => id.toLowerCase()));
    const previous = new Set(before.map((row) => row.person_id));
    await manager.query(`DELETE FROM ${table} WHERE tenant_id = $1 AND ${column} = $2 AND NOT (person_id = ANY($3::uuid[]))`, [tenantId, entityId, [...after]]);
    await manager.query(
      `INSERT INTO ${table} (tenant_id, ${column}, person_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
      [tenantId, entityId, [...after]],
    );
    return [...[...after].filter((id) => !previous.has(id)), ...[...previous].filter((id) => !after.has(id))];
  }

  /** Forgets a deleted entity's people for good; returns who they were. */
  async remove(manager: EntityManager, tenantId: string, entity: Entity, entityId: string, at: string): Promise<string[]> {
    await this.claim(manager, tenantId, entity, entityId, at, true);
    const { table, column } = PEOPLE[entity];
    const rows = await queryRows<{ person_id: string }>(
      manager,
      `DELETE FROM ${table} WHERE tenant_id = $1 AND ${column} = $2 RETURNING person_id`,
      [tenantId, entityId],
    );
    return rows.map((row) => row.person_id);
  }

  /** Records the snapshot time; false when a newer snapshot or the deletion is already recorded. */
  private async claim(manager: EntityManager, tenantId: string, entity: Entity, entityId: string, at: string, deleted: boolean): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO directory_snapshots (tenant_id, entity, entity_id, at, deleted) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, entity, entity_id) DO UPDATE SET at = GREATEST(directory_snapshots.at, EXCLUDED.at), deleted = directory_snapshots.deleted OR EXCLUDED.deleted
       WHERE $5 OR (NOT directory_snapshots.deleted AND directory_snapshots.at <= EXCLUDED.at)
       RETURNING entity_id`,
      [tenantId, entity, entityId, at, deleted],
    );
    return rows.length > 0;
  }
}
