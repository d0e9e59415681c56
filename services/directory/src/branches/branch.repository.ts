import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BranchView } from '@warden/contracts';
import { firstReturned } from '../shared/sql';

interface BranchRow {
  id: string;
  name: string;
  address: string | null;
  time_zone: string;
  created_at: Date;
  updated_at: Date;
}

export interface BranchRecord {
  id: string;
  name: string;
  address: string | null;
  timeZone: string;
}

function toView(row: BranchRow): BranchView {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    timeZone: row.time_zone,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

@Injectable()
export class BranchRepository {
  async list(manager: EntityManager, tenantId: string): Promise<BranchView[]> {
    const rows: BranchRow[] = await manager.query('SELECT * FROM branches WHERE tenant_id = $1 ORDER BY lower(name), id', [tenantId]);
    return rows.map(toView);
  }

  async find(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<BranchView | null> {
    const rows: BranchRow[] = await manager.query(`SELECT * FROM branches WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [
      tenantId,
      id,
    ]);
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Ids among `ids` that are branches of the tenant. */
  async existing(manager: EntityManager, tenantId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await manager.query('SELECT id FROM branches WHERE tenant_id = $1 AND id = ANY($2::uuid[])', [
      tenantId,
      ids,
    ]);
    return new Set(rows.map((row) => row.id));
  }

  async insert(manager: EntityManager, tenantId: string, branch: BranchRecord): Promise<BranchView> {
    const rows: BranchRow[] = await manager.query(
      'INSERT INTO branches (id, tenant_id, name, address, time_zone) VALUES ($1, $2, $3, $4, $5) RETURNING *',
      [branch.id, tenantId, branch.name, branch.address, branch.timeZone],
    );
    return toView(rows[0]!);
  }

  async update(manager: EntityManager, tenantId: string, branch: BranchRecord): Promise<BranchView> {
    const result: unknown = await manager.query(
      'UPDATE branches SET name = $3, address = $4, time_zone = $5, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING *',
      [tenantId, branch.id, branch.name, branch.address, branch.timeZone],
    );
    return toView(firstReturned<BranchRow>(result)!);
  }

  async delete(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query('DELETE FROM branches WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
  }
}
