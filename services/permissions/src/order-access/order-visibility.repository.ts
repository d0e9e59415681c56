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
  /** The company of a contact (its contact card), or null. */
  company_id: string | null;
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
                        WHERE c.tenant_id = $1 AND c.person_id = $2), '[]'::json) AS company_ids,
              (SELECT k.company_id FROM contact_companies k WHERE k.tenant_id = $1 AND k.contact_id = $2) AS company_id
       FROM (SELECT 1) AS one LEFT JOIN persons p ON p.tenant_id = $1 AND p.person_id = $2`,
      [tenantId, personId],
    );
    return rows[0]!;
  }

  /**
   * Makes the entity's people exactly `personIds` unless a newer snapshot (or the deletion) was
   * already applied. Returns who joined or left according to this read model, or null when stale.
   */
  async replacePeople(
    manager: EntityManager,
    tenantId: string,
    entity: Entity,
    entityId: string,
    personIds: readonly string[],
    at: string,
  ): Promise<string[] | null> {
    if (!(await this.claim(manager, tenantId, entity, entityId, at, false))) return null;
    const { table, column } = PEOPLE[entity];
    const before: Array<{ person_id: string }> = await manager.query(
      `SELECT person_id FROM ${table} WHERE tenant_id = $1 AND ${column} = $2`,
      [tenantId, entityId],
    );
    const after = new Set(personIds.map((id) => id.toLowerCase()));
    const previous = new Set(before.map((row) => row.person_id));
    await manager.query(`DELETE FROM ${table} WHERE tenant_id = $1 AND ${column} = $2 AND NOT (person_id = ANY($3::uuid[]))`, [
      tenantId,
      entityId,
      [...after],
    ]);
    await manager.query(`INSERT INTO ${table} (tenant_id, ${column}, person_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`, [
      tenantId,
      entityId,
      [...after],
    ]);
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

  /**
   * Records a contact's company as of `at` unless a newer snapshot is already recorded. Returns the
   * company it had before when the company changed (undefined when nothing changed or stale).
   */
  async placeContact(
    manager: EntityManager,
    tenantId: string,
    contactId: string,
    companyId: string | null,
    at: string,
  ): Promise<{ before: string | null } | undefined> {
    const rows: Array<{ before: string | null; known: boolean }> = await manager.query(
      `WITH previous AS (SELECT company_id FROM contact_companies WHERE tenant_id = $1 AND contact_id = $2 FOR UPDATE),
            written AS (
              INSERT INTO contact_companies (tenant_id, contact_id, company_id, at) VALUES ($1, $2, $3, $4)
              ON CONFLICT (tenant_id, contact_id) DO UPDATE SET company_id = EXCLUDED.company_id, at = EXCLUDED.at
              WHERE contact_companies.at <= EXCLUDED.at
              RETURNING company_id)
       SELECT (SELECT company_id FROM previous) AS before, EXISTS (SELECT 1 FROM previous) AS known FROM written`,
      [tenantId, contactId, companyId, at],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (row.known && row.before === companyId) return undefined;
    return { before: row.before };
  }

  /** The contacts of a company (as far as their snapshots arrived). */
  async contactsOf(tenantId: string, companyId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ contact_id: string }> = await manager.query(
      'SELECT contact_id FROM contact_companies WHERE tenant_id = $1 AND company_id = $2 ORDER BY contact_id',
      [tenantId, companyId],
    );
    return rows.map((row) => row.contact_id);
  }

  /** Kind and company of a person as far as known: a directory contact (with its company), else its kind in `persons`. */
  async placement(tenantId: string, personId: string): Promise<{ kind: PersonKind | null; companyId: string | null }> {
    const rows: Array<{ contact: boolean; company_id: string | null; kind: PersonKind | null }> = await this.dataSource.query(
      `SELECT k.contact_id IS NOT NULL AS contact, k.company_id, p.kind
       FROM (SELECT 1) AS one
       LEFT JOIN contact_companies k ON k.tenant_id = $1 AND k.contact_id = $2
       LEFT JOIN persons p ON p.tenant_id = $1 AND p.person_id = $2`,
      [tenantId, personId],
    );
    const row = rows[0]!;
    return { kind: row.contact ? 'contact' : row.kind, companyId: row.company_id };
  }

  /** The company of each of these contacts that has one. */
  async companiesOf(tenantId: string, contactIds: readonly string[]): Promise<Map<string, string>> {
    if (contactIds.length === 0) return new Map();
    const rows: Array<{ contact_id: string; company_id: string }> = await this.dataSource.query(
      'SELECT contact_id, company_id FROM contact_companies WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[]) AND company_id IS NOT NULL',
      [tenantId, contactIds],
    );
    return new Map(rows.map((row) => [row.contact_id, row.company_id]));
  }

  /** Records the snapshot time; false when a newer snapshot or the deletion is already recorded. */
  private async claim(
    manager: EntityManager,
    tenantId: string,
    entity: Entity,
    entityId: string,
    at: string,
    deleted: boolean,
  ): Promise<boolean> {
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
