import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EmployeeBranchesView } from '@warden/contracts';

interface AccessRow {
  main_branch_id: string | null;
  all_branches: boolean;
  updated_at: Date;
  additional: string[] | null;
}

export interface EmployeeBranchesRecord {
  personId: string;
  mainBranchId: string | null;
  additionalBranchIds: string[];
  allBranches: boolean;
}

/**
 * An employee's main branch, additional branches, or every branch; inquiry routing and chat administrators read
 * them (docs/rules.md#chats-and-inquiries), and so does a person's scope (scope/get-person-scope.handler.ts).
 */
@Injectable()
export class EmployeeBranchesRepository {
  async read(manager: EntityManager, tenantId: string, personId: string): Promise<EmployeeBranchesView> {
    const rows: AccessRow[] = await manager.query(
      `SELECT a.main_branch_id, a.all_branches, a.updated_at,
              array_agg(b.branch_id ORDER BY b.branch_id) FILTER (WHERE b.branch_id IS NOT NULL) AS additional
         FROM employee_branch_access a
         LEFT JOIN employee_additional_branches b ON b.tenant_id = a.tenant_id AND b.person_id = a.person_id
        WHERE a.tenant_id = $1 AND a.person_id = $2
        GROUP BY a.tenant_id, a.person_id`,
      [tenantId, personId],
    );
    const row = rows[0];
    if (!row) return { personId, mainBranchId: null, additionalBranchIds: [], allBranches: false, updatedAt: null };
    return {
      personId,
      mainBranchId: row.main_branch_id,
      additionalBranchIds: row.additional ?? [],
      allBranches: row.all_branches,
      updatedAt: row.updated_at.toISOString(),
    };
  }

  /** Replaces the person's access as a whole. */
  async replace(manager: EntityManager, tenantId: string, access: EmployeeBranchesRecord): Promise<void> {
    await manager.query(
      `INSERT INTO employee_branch_access (tenant_id, person_id, main_branch_id, all_branches, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (tenant_id, person_id) DO UPDATE SET main_branch_id = $3, all_branches = $4, updated_at = now()`,
      [tenantId, access.personId, access.mainBranchId, access.allBranches],
    );
    await manager.query('DELETE FROM employee_additional_branches WHERE tenant_id = $1 AND person_id = $2', [tenantId, access.personId]);
    if (access.additionalBranchIds.length > 0) {
      await manager.query(`INSERT INTO employee_additional_branches (tenant_id, person_id, branch_id) SELECT $1, $2, unnest($3::uuid[])`, [
        tenantId,
        access.personId,
        access.additionalBranchIds,
      ]);
    }
  }
}
