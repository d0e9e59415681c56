import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CandidateVerdict, ChatSettingsView, RoutingDecisionView, RoutingTrigger } from '@warden/contracts';
import type { RoutingCandidate, RoutingResult } from './routing.policy';

/** One candidate as the query sends it: a positional JSON array (one parse for all rows, no per-row driver work). */
export type CandidateTuple = [
  personId: string,
  name: string,
  online: boolean,
  presenceAtMs: number | null,
  mode: RoutingCandidate['mode'],
  openInquiries: number,
  lastAssignedAtMs: number | null,
  assignable: boolean,
  allBranches: boolean,
  branchIds: string[],
];

/**
 * Every active employee of the tenant with what routing needs, in one index-driven query over the
 * employees read model (load is a counter kept with each assignment, not a count over inquiries).
 * The rows come back aggregated as one JSON document: with a thousand employees, decoding rows one by
 * one in the driver costs more than the query itself.
 */
export const CANDIDATES_SQL = `
  SELECT COALESCE(json_agg(json_build_array(
           e.person_id, e.full_name, e.online, (extract(epoch FROM e.presence_at) * 1000)::bigint, e.mode, e.open_inquiries,
           (extract(epoch FROM e.last_assigned_at) * 1000)::bigint,
           EXISTS (SELECT 1 FROM right_holders h WHERE h.tenant_id = e.tenant_id AND h."right" = 'inquiries.assignable' AND h.person_id = e.person_id),
           e.all_branches OR EXISTS (SELECT 1 FROM right_holders h WHERE h.tenant_id = e.tenant_id AND h."right" = 'branches.all' AND h.person_id = e.person_id),
           CASE WHEN e.main_branch_id IS NULL THEN e.additional_branch_ids ELSE e.main_branch_id || e.additional_branch_ids END
         )), '[]')::text AS candidates
  FROM employees e
  WHERE e.tenant_id = $1 AND e.full_name IS NOT NULL AND e.deleted_at IS NULL`;

export function toCandidate(tuple: CandidateTuple): RoutingCandidate {
  const [personId, name, online, presenceAtMs, mode, openInquiries, lastAssignedAtMs, assignable, allBranches, branchIds] = tuple;
  return {
    personId,
    name,
    online,
    offlineSince: online || presenceAtMs === null ? null : new Date(Number(presenceAtMs)),
    mode,
    assignable,
    allBranches,
    branchIds,
    openInquiries,
    lastAssignedAt: lastAssignedAtMs === null ? null : new Date(Number(lastAssignedAtMs)),
    // Identity does not publish work schedules yet: unknown counts as inside (see the report).
    insideSchedule: null,
  };
}

/** Decodes the result of CANDIDATES_SQL. */
export function toCandidates(rows: Array<{ candidates: string }>): RoutingCandidate[] {
  return (JSON.parse(rows[0]?.candidates ?? '[]') as CandidateTuple[]).map(toCandidate);
}

interface DecisionRow {
  id: string;
  trigger: RoutingTrigger;
  outcome: RoutingResult['outcome'];
  assignee_id: string | null;
  reason: string;
  released: RoutingResult['released'];
  candidates: CandidateVerdict[];
  decided_at: Date;
}

const DEFAULT_SETTINGS: ChatSettingsView = {
  clientEmployeeChats: true,
  clientGroupChats: true,
  inquiries: true,
  stickyReleaseMinutes: null,
  useWorkSchedules: false,
};

@Injectable()
export class RoutingRepository {
  async candidates(manager: EntityManager, tenantId: string): Promise<RoutingCandidate[]> {
    return toCandidates(await manager.query(CANDIDATES_SQL, [tenantId]));
  }

  async settings(manager: EntityManager, tenantId: string): Promise<ChatSettingsView> {
    const rows: Array<{ client_employee_chats: boolean; client_group_chats: boolean; inquiries: boolean; sticky_release_minutes: number | null; use_work_schedules: boolean }> =
      await manager.query(`SELECT * FROM chat_settings WHERE tenant_id = $1`, [tenantId]);
    const row = rows[0];
    if (!row) return { ...DEFAULT_SETTINGS };
    return {
      clientEmployeeChats: row.client_employee_chats,
      clientGroupChats: row.client_group_chats,
      inquiries: row.inquiries,
      stickyReleaseMinutes: row.sticky_release_minutes,
      useWorkSchedules: row.use_work_schedules,
    };
  }

  async saveSettings(manager: EntityManager, tenantId: string, settings: ChatSettingsView): Promise<void> {
    await manager.query(
      `INSERT INTO chat_settings (tenant_id, client_employee_chats, client_group_chats, inquiries, sticky_release_minutes, use_work_schedules)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id) DO UPDATE SET client_employee_chats = $2, client_group_chats = $3, inquiries = $4,
         sticky_release_minutes = $5, use_work_schedules = $6, updated_at = now()`,
      [tenantId, settings.clientEmployeeChats, settings.clientGroupChats, settings.inquiries, settings.stickyReleaseMinutes, settings.useWorkSchedules],
    );
  }

  async saveDecision(manager: EntityManager, tenantId: string, inquiryId: string, id: string, trigger: RoutingTrigger, result: RoutingResult, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO routing_decisions (id, tenant_id, inquiry_id, trigger, outcome, assignee_id, reason, released, candidates, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, tenantId, inquiryId, trigger, result.outcome, result.assigneeId, result.reason, result.released ? JSON.stringify(result.released) : null, JSON.stringify(result.candidates), at],
    );
  }

  async decisions(manager: EntityManager, tenantId: string, inquiryId: string): Promise<RoutingDecisionView[]> {
    const rows: DecisionRow[] = await manager.query(
      `SELECT id, trigger, outcome, assignee_id, reason, released, candidates, decided_at FROM routing_decisions
       WHERE tenant_id = $1 AND inquiry_id = $2 ORDER BY id`,
      [tenantId, inquiryId],
    );
    return rows.map((row) => ({
      id: row.id,
      trigger: row.trigger,
      outcome: row.outcome,
      assigneeId: row.assignee_id,
      reason: row.reason,
      released: row.released,
      decidedAt: row.decided_at.toISOString(),
      candidates: row.candidates,
    }));
  }

  /** Counts the assignment on the employee: load and the "waited since" tie-breaker. */
  async recordAssignment(manager: EntityManager, tenantId: string, personId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE employees SET open_inquiries = open_inquiries + 1, last_assigned_at = $3 WHERE tenant_id = $1 AND person_id = $2`,
      [tenantId, personId, at],
    );
  }

  async recordRelease(manager: EntityManager, tenantId: string, personId: string): Promise<void> {
    await manager.query(
      `UPDATE employees SET open_inquiries = GREATEST(open_inquiries - 1, 0) WHERE tenant_id = $1 AND person_id = $2`,
      [tenantId, personId],
    );
  }
}
