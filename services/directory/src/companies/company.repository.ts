import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CompanyView } from '@warden/contracts';

interface CompanyRow {
  id: string;
  name: string;
  tax_id: string | null;
  sort_name: string;
  manager_ids: string[] | null;
  contact_count: string;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT c.id, c.name, c.tax_id, c.sort_name, c.created_at, c.updated_at,
    (SELECT array_agg(m.person_id ORDER BY m.person_id) FROM company_client_managers m WHERE m.company_id = c.id) AS manager_ids,
    (SELECT count(*) FROM contacts p WHERE p.tenant_id = c.tenant_id AND p.company_id = c.id) AS contact_count
  FROM companies c`;

export interface CompanyPageQuery {
  search?: string;
  after?: { key: string; id: string } | null;
  limit: number;
}

export function sortNameOf(name: string): string {
  return name.toLowerCase();
}

function toView(row: CompanyRow): CompanyView {
  return {
    id: row.id,
    name: row.name,
    taxId: row.tax_id,
    clientManagerIds: row.manager_ids ?? [],
    contactCount: Number(row.contact_count),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

@Injectable()
export class CompanyRepository {
  /** `limit + 1` rows in (sort name, id) order, after the cursor. */
  async page(manager: EntityManager, tenantId: string, query: CompanyPageQuery): Promise<Array<CompanyView & { sortName: string }>> {
    const params: unknown[] = [tenantId];
    const where = ['c.tenant_id = $1'];
    if (query.search) {
      params.push(query.search);
      where.push(`(lower(c.name) LIKE $${params.length} OR lower(coalesce(c.tax_id, '')) LIKE $${params.length})`);
    }
    if (query.after) {
      params.push(query.after.key, query.after.id);
      where.push(`(c.sort_name, c.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(query.limit + 1);
    const rows: CompanyRow[] = await manager.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY c.sort_name, c.id LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => ({ ...toView(row), sortName: row.sort_name }));
  }

  async find(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<CompanyView | null> {
    if (lock) await manager.query('SELECT 1 FROM companies WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, id]);
    const rows: CompanyRow[] = await manager.query(`${SELECT} WHERE c.tenant_id = $1 AND c.id = $2`, [tenantId, id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async exists(manager: EntityManager, tenantId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM companies WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
    return rows.length > 0;
  }

  /** The company of each of these ids that is a contact of the tenant (null: a contact without one). */
  async contactCompanies(manager: EntityManager, tenantId: string, ids: readonly string[]): Promise<Map<string, string | null>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; company_id: string | null }> = await manager.query(
      'SELECT id, company_id FROM contacts WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
      [tenantId, ids],
    );
    return new Map(rows.map((row) => [row.id, row.company_id]));
  }

  async managedBy(manager: EntityManager, tenantId: string, personId: string): Promise<string[]> {
    const rows: Array<{ company_id: string }> = await manager.query(
      'SELECT company_id FROM company_client_managers WHERE tenant_id = $1 AND person_id = $2 ORDER BY company_id',
      [tenantId, personId],
    );
    return rows.map((row) => row.company_id);
  }

  async insert(manager: EntityManager, tenantId: string, id: string, name: string, taxId: string | null): Promise<void> {
    await manager.query('INSERT INTO companies (id, tenant_id, name, tax_id, sort_name) VALUES ($1, $2, $3, $4, $5)', [
      id,
      tenantId,
      name,
      taxId,
      sortNameOf(name),
    ]);
  }

  async update(manager: EntityManager, tenantId: string, id: string, name: string, taxId: string | null): Promise<void> {
    await manager.query(
      'UPDATE companies SET name = $3, tax_id = $4, sort_name = $5, updated_at = now() WHERE tenant_id = $1 AND id = $2',
      [tenantId, id, name, taxId, sortNameOf(name)],
    );
  }

  async setManagers(manager: EntityManager, tenantId: string, id: string, personIds: string[]): Promise<void> {
    await manager.query(
      'DELETE FROM company_client_managers WHERE tenant_id = $1 AND company_id = $2 AND NOT (person_id = ANY($3::uuid[]))',
      [tenantId, id, personIds],
    );
    if (personIds.length > 0) {
      await manager.query(
        'INSERT INTO company_client_managers (tenant_id, company_id, person_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING',
        [tenantId, id, personIds],
      );
    }
  }
}
