import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DepartmentView } from '@warden/contracts';

interface DepartmentRow {
  id: string;
  name: string;
  head_id: string | null;
  member_ids: string[] | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT d.id, d.name, d.head_id, d.created_at, d.updated_at,
    (SELECT array_agg(m.person_id ORDER BY m.added_at, m.person_id) FROM department_members m WHERE m.department_id = d.id) AS member_ids
  FROM departments d`;

function toView(row: DepartmentRow): DepartmentView {
  return {
    id: row.id,
    name: row.name,
    headId: row.head_id,
    memberIds: row.member_ids ?? [],
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

@Injectable()
export class DepartmentRepository {
  async list(manager: EntityManager, tenantId: string): Promise<DepartmentView[]> {
    const rows: DepartmentRow[] = await manager.query(`${SELECT} WHERE d.tenant_id = $1 ORDER BY lower(d.name), d.id`, [tenantId]);
    return rows.map(toView);
  }

  async find(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<DepartmentView | null> {
    // The row lock serialises membership changes of one department, so added/removed in events are exact.
    if (lock) await manager.query('SELECT 1 FROM departments WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, id]);
    const rows: DepartmentRow[] = await manager.query(`${SELECT} WHERE d.tenant_id = $1 AND d.id = $2`, [tenantId, id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  /** The departments whose items the person sees: those it is a member of, and those it heads. */
  async ofPerson(manager: EntityManager, tenantId: string, personId: string): Promise<string[]> {
    const rows: Array<{ department_id: string }> = await manager.query(
      `SELECT department_id FROM department_members WHERE tenant_id = $1 AND person_id = $2
       UNION
       SELECT id AS department_id FROM departments WHERE tenant_id = $1 AND head_id = $2
       ORDER BY department_id`,
      [tenantId, personId],
    );
    return rows.map((row) => row.department_id);
  }

  async insert(manager: EntityManager, tenantId: string, id: string, name: string, headId: string | null): Promise<void> {
    await manager.query('INSERT INTO departments (id, tenant_id, name, head_id) VALUES ($1, $2, $3, $4)', [id, tenantId, name, headId]);
  }

  async update(manager: EntityManager, tenantId: string, id: string, name: string, headId: string | null): Promise<void> {
    await manager.query('UPDATE departments SET name = $3, head_id = $4, updated_at = now() WHERE tenant_id = $1 AND id = $2', [
      tenantId,
      id,
      name,
      headId,
    ]);
  }

  async touch(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query('UPDATE departments SET updated_at = now() WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
  }

  async addMembers(manager: EntityManager, tenantId: string, id: string, personIds: string[]): Promise<void> {
    if (personIds.length === 0) return;
    await manager.query(
      `INSERT INTO department_members (tenant_id, department_id, person_id)
       SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
      [tenantId, id, personIds],
    );
  }

  async removeMembers(manager: EntityManager, tenantId: string, id: string, personIds: string[]): Promise<void> {
    if (personIds.length === 0) return;
    await manager.query('DELETE FROM department_members WHERE tenant_id = $1 AND department_id = $2 AND person_id = ANY($3::uuid[])', [
      tenantId,
      id,
      personIds,
    ]);
  }

  async delete(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query('DELETE FROM departments WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
  }
}
