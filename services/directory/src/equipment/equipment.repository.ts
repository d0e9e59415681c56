import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EquipmentView } from '@warden/contracts';
import { firstReturned } from '../shared/sql';

interface EquipmentRow {
  id: string;
  company_id: string;
  parent_id: string | null;
  name: string;
  kind: string | null;
  serial_number: string | null;
  location: string | null;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface EquipmentRecord {
  id: string;
  companyId: string;
  parentId: string | null;
  name: string;
  kind: string | null;
  serialNumber: string | null;
  location: string | null;
  notes: string | null;
}

function toView(row: EquipmentRow): EquipmentView {
  return {
    id: row.id,
    companyId: row.company_id,
    parentId: row.parent_id,
    name: row.name,
    kind: row.kind,
    serialNumber: row.serial_number,
    location: row.location,
    notes: row.notes,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

@Injectable()
export class EquipmentRepository {
  /**
   * Serialises tree changes of one company: two concurrent moves could otherwise each pass the cycle
   * check and together make a cycle.
   */
  async lockCompanyTree(manager: EntityManager, tenantId: string, companyId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`equipment:${tenantId}:${companyId}`]);
  }

  async ofCompany(manager: EntityManager, tenantId: string, companyId: string): Promise<EquipmentView[]> {
    const rows: EquipmentRow[] = await manager.query(
      'SELECT * FROM equipment WHERE tenant_id = $1 AND company_id = $2 ORDER BY lower(name), id',
      [tenantId, companyId],
    );
    return rows.map(toView);
  }

  async find(manager: EntityManager, tenantId: string, id: string): Promise<EquipmentView | null> {
    const rows: EquipmentRow[] = await manager.query('SELECT * FROM equipment WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  /** True when `candidateId` is `nodeId` or lies in its subtree. */
  async isInSubtree(manager: EntityManager, tenantId: string, nodeId: string, candidateId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH RECURSIVE subtree(id) AS (
         SELECT id FROM equipment WHERE tenant_id = $1 AND id = $2
         UNION
         SELECT e.id FROM equipment e JOIN subtree s ON e.parent_id = s.id WHERE e.tenant_id = $1
       )
       SELECT 1 FROM subtree WHERE id = $3`,
      [tenantId, nodeId, candidateId],
    );
    return rows.length > 0;
  }

  async hasChildren(manager: EntityManager, tenantId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM equipment WHERE tenant_id = $1 AND parent_id = $2 LIMIT 1', [tenantId, id]);
    return rows.length > 0;
  }

  async insert(manager: EntityManager, tenantId: string, node: EquipmentRecord): Promise<EquipmentView> {
    const rows: EquipmentRow[] = await manager.query(
      `INSERT INTO equipment (id, tenant_id, company_id, parent_id, name, kind, serial_number, location, notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [node.id, tenantId, node.companyId, node.parentId, node.name, node.kind, node.serialNumber, node.location, node.notes],
    );
    return toView(rows[0]!);
  }

  async update(manager: EntityManager, tenantId: string, node: EquipmentRecord): Promise<EquipmentView> {
    const result: unknown = await manager.query(
      `UPDATE equipment SET parent_id = $3, name = $4, kind = $5, serial_number = $6, location = $7, notes = $8, updated_at = now()
       WHERE tenant_id = $1 AND id = $2 RETURNING *`,
      [tenantId, node.id, node.parentId, node.name, node.kind, node.serialNumber, node.location, node.notes],
    );
    return toView(firstReturned<EquipmentRow>(result)!);
  }

  async delete(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query('DELETE FROM equipment WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
  }
}
