import type { EntityManager } from 'typeorm';
import type { ReceptionMode, ReceptionView } from '@warden/contracts';
import { ChatErrors } from '../shared/chat.errors';

/** An employee's reception as stored in its read-model row, with its access to all branches (its own flag or `branches.all`). */
export interface ReceptionRow {
  person_id: string;
  full_name: string;
  mode: ReceptionMode;
  mode_set_by: string | null;
  mode_set_at: Date | null;
  all_branches: boolean;
}

export function toReceptionView(row: ReceptionRow): ReceptionView {
  return { personId: row.person_id, mode: row.mode, setBy: row.mode_set_by, updatedAt: row.mode_set_at?.toISOString() ?? null };
}

/** The reception of an employee of the tenant (named, not deleted), or RECEPTION.EMPLOYEE_NOT_FOUND; `lock` holds its row. */
export async function receptionOf(manager: EntityManager, tenantId: string, personId: string, lock = false): Promise<ReceptionRow> {
  const rows: ReceptionRow[] = await manager.query(
    `SELECT e.person_id, e.full_name, e.mode, e.mode_set_by, e.mode_set_at,
            e.all_branches OR EXISTS (SELECT 1 FROM right_holders h WHERE h.tenant_id = e.tenant_id AND h."right" = 'branches.all' AND h.person_id = e.person_id) AS all_branches
     FROM employees e WHERE e.tenant_id = $1 AND e.person_id = $2 AND e.full_name IS NOT NULL AND e.deleted_at IS NULL${lock ? ' FOR UPDATE OF e' : ''}`,
    [tenantId, personId],
  );
  if (!rows[0]) throw ChatErrors.employeeNotFound();
  return rows[0];
}
