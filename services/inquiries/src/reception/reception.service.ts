import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { chatKinds } from '@warden/contracts';
import type { ChatKindsView, ChatSettingsChanges, ChatSettingsView, ReceptionMode, ReceptionView, RequestContext, SetReceptionRequest } from '@warden/contracts';
import { RoutingRepository } from '../routing/routing.repository';
import { RoutingService } from '../routing/routing.service';
import { ChatErrors } from '../shared/chat.errors';
import { bumpRosterVersion } from '../shared/roster-version';
import { queryRows } from '../shared/sql';

interface ReceptionRow {
  person_id: string;
  full_name: string;
  mode: ReceptionMode;
  mode_set_by: string | null;
  mode_set_at: Date | null;
  all_branches: boolean;
}

function toView(row: ReceptionRow): ReceptionView {
  return { personId: row.person_id, mode: row.mode, setBy: row.mode_set_by, updatedAt: row.mode_set_at?.toISOString() ?? null };
}

/**
 * Reception modes (who an employee takes new inquiries from) and the tenant's chat switches.
 * Changing a mode never touches inquiries already assigned; it may let waiting ones be routed.
 */
@Injectable()
export class ReceptionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly routing: RoutingService,
    private readonly settingsRepository: RoutingRepository,
  ) {}

  async get(ctx: RequestContext, personId: string): Promise<ReceptionView> {
    return toView(await this.require(this.dataSource.manager, ctx.tenantId, personId));
  }

  async set(ctx: RequestContext, data: SetReceptionRequest): Promise<ReceptionView> {
    return this.dataSource.transaction(async (tx) => {
      // The routing lock before the employee's row: the same order as every other roster change.
      await bumpRosterVersion(tx, ctx.tenantId);
      const current = await this.require(tx, ctx.tenantId, data.personId, true);
      if (data.mode === 'anyone' && !current.all_branches && !data.hasAllBranchesRight) throw ChatErrors.anyoneNeedsAllBranches(current.full_name);
      const rows = await queryRows<ReceptionRow>(
        tx,
        `UPDATE employees SET mode = $3, mode_set_by = $4, mode_set_at = now() WHERE tenant_id = $1 AND person_id = $2
         RETURNING person_id, full_name, mode, mode_set_by, mode_set_at, all_branches`,
        [ctx.tenantId, data.personId, data.mode, ctx.actorId],
      );
      await this.routing.drain(tx, ctx.tenantId);
      return toView(rows[0]!);
    });
  }

  async settings(ctx: RequestContext): Promise<ChatSettingsView> {
    return this.settingsRepository.settings(this.dataSource.manager, ctx.tenantId);
  }

  async kinds(ctx: RequestContext): Promise<ChatKindsView> {
    return chatKinds(await this.settings(ctx));
  }

  async putSettings(ctx: RequestContext, changes: ChatSettingsChanges): Promise<ChatSettingsView> {
    return this.dataSource.transaction(async (tx) => {
      const current = await this.settingsRepository.settings(tx, ctx.tenantId);
      const next: ChatSettingsView = {
        clientEmployeeChats: changes.clientEmployeeChats ?? current.clientEmployeeChats,
        clientGroupChats: changes.clientGroupChats ?? current.clientGroupChats,
        inquiries: changes.inquiries ?? current.inquiries,
        stickyReleaseMinutes: changes.stickyReleaseMinutes === undefined ? current.stickyReleaseMinutes : changes.stickyReleaseMinutes,
        useWorkSchedules: changes.useWorkSchedules ?? current.useWorkSchedules,
      };
      await this.settingsRepository.saveSettings(tx, ctx.tenantId, next);
      if (next.inquiries && !current.inquiries) await this.routing.drain(tx, ctx.tenantId);
      return next;
    });
  }

  private async require(manager: EntityManager, tenantId: string, personId: string, lock = false): Promise<ReceptionRow> {
    const rows: ReceptionRow[] = await manager.query(
      `SELECT e.person_id, e.full_name, e.mode, e.mode_set_by, e.mode_set_at,
              e.all_branches OR EXISTS (SELECT 1 FROM right_holders h WHERE h.tenant_id = e.tenant_id AND h."right" = 'branches.all' AND h.person_id = e.person_id) AS all_branches
       FROM employees e WHERE e.tenant_id = $1 AND e.person_id = $2 AND e.full_name IS NOT NULL AND e.deleted_at IS NULL${lock ? ' FOR UPDATE OF e' : ''}`,
      [tenantId, personId],
    );
    if (!rows[0]) throw ChatErrors.employeeNotFound();
    return rows[0];
  }
}
