import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@warden/kernel';
import { OutboxWriter } from '@warden/messaging';
import { EmployeeBranchesChangedV1 } from '@warden/contracts';
import type { EmployeeBranchesInput, EmployeeBranchesView, RequestContext } from '@warden/contracts';
import { EmployeeCheck } from '../employees/employee.check';
import { unique } from '../shared/text';
import { BranchErrors } from './branch.errors';
import { BranchRepository } from './branch.repository';

interface AccessRow {
  main_branch_id: string | null;
  all_branches: boolean;
  updated_at: Date;
  additional: string[] | null;
}

/** An employee's main branch, additional branches, or every branch; inquiry routing and chat administrators read them (docs/rules.md#chats-and-inquiries). */
@Injectable()
export class EmployeeBranchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly branches: BranchRepository,
    private readonly employees: EmployeeCheck,
    private readonly outbox: OutboxWriter,
  ) {}

  async get(ctx: RequestContext, personId: string): Promise<EmployeeBranchesView> {
    await this.employees.requireEmployeeExists(ctx, personId);
    return this.read(this.dataSource.manager, ctx.tenantId, personId);
  }

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

  async put(ctx: RequestContext, input: EmployeeBranchesInput): Promise<EmployeeBranchesView> {
    const tenantId = ctx.tenantId;
    await this.employees.requireEmployeeExists(ctx, input.personId);
    const mainBranchId = input.mainBranchId;
    const additional = unique(input.additionalBranchIds);
    if (mainBranchId && additional.includes(mainBranchId)) {
      throw DomainError.invalid('BRANCH_ACCESS.MAIN_REPEATED', 'additionalBranchIds', 'must not repeat mainBranchId');
    }
    if (!mainBranchId && additional.length > 0) {
      throw DomainError.invalid('BRANCH_ACCESS.MAIN_REQUIRED', 'mainBranchId', 'is required when additional branches are given');
    }
    return this.dataSource.transaction(async (manager) => {
      // A branch deleted between this check and the write is still caught by the composite foreign keys.
      const known = await this.branches.existing(manager, tenantId, mainBranchId ? [mainBranchId, ...additional] : additional);
      if (mainBranchId && !known.has(mainBranchId)) throw BranchErrors.unknown('mainBranchId');
      const missing = additional.findIndex((id) => !known.has(id));
      if (missing >= 0) throw BranchErrors.unknown(`additionalBranchIds.${missing}`);
      await manager.query(
        `INSERT INTO employee_branch_access (tenant_id, person_id, main_branch_id, all_branches, updated_at)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (tenant_id, person_id) DO UPDATE SET main_branch_id = $3, all_branches = $4, updated_at = now()`,
        [tenantId, input.personId, mainBranchId, input.allBranches],
      );
      await manager.query('DELETE FROM employee_additional_branches WHERE tenant_id = $1 AND person_id = $2', [tenantId, input.personId]);
      if (additional.length > 0) {
        await manager.query(
          `INSERT INTO employee_additional_branches (tenant_id, person_id, branch_id) SELECT $1, $2, unnest($3::uuid[])`,
          [tenantId, input.personId, additional],
        );
      }
      const view = await this.read(manager, tenantId, input.personId);
      await this.outbox.add(manager, {
        contract: EmployeeBranchesChangedV1,
        tenantId,
        subject: input.personId,
        data: {
          personId: input.personId,
          mainBranchId: view.mainBranchId,
          additionalBranchIds: view.additionalBranchIds,
          allBranches: view.allBranches,
          at: view.updatedAt ?? new Date().toISOString(),
        },
      });
      return view;
    });
  }
}
