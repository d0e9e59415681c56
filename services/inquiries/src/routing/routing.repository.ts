import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CandidateVerdict, ChatSettingsView, RoutingDecisionView, RoutingTrigger } from '@warden/contracts';
import type { WorkSchedule } from '@warden/kernel';
import type { RejectedGroup, RoutingResult } from './routing.policy';
import { buildRoster } from './routing.roster';
import type { LiveFacts, Roster, RosterMember } from './routing.roster';
import type { ScheduledCandidate } from './schedule.facts';

/** One candidate as the query sends it: a positional JSON array (one parse for all rows, no per-row driver work). */
export type CandidateTuple = [
  personId: string,
  name: string,
  online: boolean,
  presenceAtMs: number | null,
  mode: ScheduledCandidate['mode'],
  openInquiries: number,
  lastAssignedAtMs: number | null,
  assignable: boolean,
  allBranches: boolean,
  branchIds: string[],
  scheduleNo: number | null,
];

/**
 * The tenant's active employees and their distinct work schedules, numbered: members refer to a schedule by
 * number, so a schedule shared by many (the usual case: a few shift patterns) is sent and parsed once. With a
 * thousand employees, a schedule each in the JSON made the roster ten times longer to parse.
 */
const STAFF_CTE = `
  WITH staff AS (
    SELECT e.*,
           EXISTS (SELECT 1 FROM right_holders h WHERE h.tenant_id = e.tenant_id AND h."right" = 'inquiries.assignable' AND h.person_id = e.person_id) AS assignable,
           e.all_branches OR EXISTS (SELECT 1 FROM right_holders h WHERE h.tenant_id = e.tenant_id AND h."right" = 'branches.all' AND h.person_id = e.person_id) AS any_branch,
           CASE WHEN e.main_branch_id IS NULL THEN e.additional_branch_ids ELSE e.main_branch_id || e.additional_branch_ids END AS branch_ids
    FROM employees e
    WHERE e.tenant_id = $1 AND e.full_name IS NOT NULL AND e.deleted_at IS NULL),
  schedules AS (
    SELECT schedule, (row_number() OVER (ORDER BY schedule) - 1)::int AS no
    FROM (SELECT DISTINCT schedule FROM staff WHERE schedule IS NOT NULL) AS distinct_schedules)`;

const SCHEDULES_JSON = `COALESCE((SELECT json_agg(schedule ORDER BY no) FROM schedules), '[]')::text`;

/**
 * Every active employee of the tenant with what routing needs, in one index-driven query over the
 * employees read model (load is a counter kept with each assignment, not a count over inquiries).
 * The rows come back aggregated as one JSON document: with a thousand employees, decoding rows one by
 * one in the driver costs more than the query itself.
 */
export const CANDIDATES_SQL = `${STAFF_CTE}
  SELECT COALESCE((
           SELECT json_agg(json_build_array(
             e.person_id, e.full_name, e.online, (extract(epoch FROM e.presence_at) * 1000)::bigint, e.mode, e.open_inquiries,
             (extract(epoch FROM e.last_assigned_at) * 1000)::bigint, e.assignable, e.any_branch, e.branch_ids, sc.no))
           FROM staff e LEFT JOIN schedules sc ON sc.schedule = e.schedule), '[]')::text AS candidates,
         ${SCHEDULES_JSON} AS schedules`;

export function toCandidate(tuple: CandidateTuple, schedules: readonly WorkSchedule[]): ScheduledCandidate {
  const [personId, name, online, presenceAtMs, mode, openInquiries, lastAssignedAtMs, assignable, allBranches, branchIds, scheduleNo] =
    tuple;
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
    // Set per decision from the schedule and the decision's clock (applyScheduleFacts).
    insideSchedule: null,
    schedule: scheduleNo === null ? null : (schedules[scheduleNo] ?? null),
  };
}

/** Decodes the result of CANDIDATES_SQL. */
export function toCandidates(rows: Array<{ candidates: string; schedules: string }>): ScheduledCandidate[] {
  const schedules = JSON.parse(rows[0]?.schedules ?? '[]') as WorkSchedule[];
  return (JSON.parse(rows[0]?.candidates ?? '[]') as CandidateTuple[]).map((tuple) => toCandidate(tuple, schedules));
}

/** The roster and its version, read in one statement (one snapshot: the version matches the members). */
export const ROSTER_SQL = `${STAFF_CTE}
  SELECT (SELECT v.version::text FROM roster_versions v WHERE v.tenant_id = $1) AS version,
         COALESCE((
           SELECT json_agg(json_build_array(e.person_id, e.full_name, e.mode, e.assignable, e.any_branch, e.branch_ids, sc.no))
           FROM staff e LEFT JOIN schedules sc ON sc.schedule = e.schedule), '[]')::text AS members,
         ${SCHEDULES_JSON} AS schedules`;

/** Presence and load of the shortlisted employees, by primary key. */
export const LIVE_SQL = `
  SELECT COALESCE(json_agg(json_build_array(
           e.person_id, e.online, (extract(epoch FROM e.presence_at) * 1000)::bigint, e.open_inquiries,
           (extract(epoch FROM e.last_assigned_at) * 1000)::bigint)), '[]')::text AS live
  FROM employees e
  WHERE e.tenant_id = $1 AND e.person_id = ANY($2::uuid[]) AND e.full_name IS NOT NULL AND e.deleted_at IS NULL`;

/**
 * The roster version together with presence and load of the given employees: one round trip on the hot
 * path (the shortlist comes from the cached roster; the version read alongside says whether it was current).
 */
export const VERSIONED_LIVE_SQL = `
  SELECT (SELECT v.version::text FROM roster_versions v WHERE v.tenant_id = $1) AS version,
         (${LIVE_SQL}) AS live`;

type MemberTuple = [
  personId: string,
  name: string,
  mode: RosterMember['mode'],
  assignable: boolean,
  allBranches: boolean,
  branchIds: string[],
  scheduleNo: number | null,
];
type LiveTuple = [personId: string, online: boolean, presenceAtMs: number | null, openInquiries: number, lastAssignedAtMs: number | null];

export function toRoster(rows: Array<{ version: string | null; members: string; schedules: string }>): Roster {
  const schedules = JSON.parse(rows[0]?.schedules ?? '[]') as WorkSchedule[];
  const tuples = JSON.parse(rows[0]?.members ?? '[]') as MemberTuple[];
  return buildRoster(
    rows[0]?.version ?? null,
    tuples.map(([personId, name, mode, assignable, allBranches, branchIds, scheduleNo]) => ({
      personId,
      name,
      mode,
      assignable,
      allBranches,
      branchIds,
      schedule: scheduleNo === null ? null : (schedules[scheduleNo] ?? null),
    })),
  );
}

export function toLive(rows: Array<{ live: string }>): Map<string, LiveFacts> {
  const live = new Map<string, LiveFacts>();
  for (const [personId, online, presenceAtMs, openInquiries, lastAssignedAtMs] of JSON.parse(rows[0]?.live ?? '[]') as LiveTuple[]) {
    live.set(personId, {
      online,
      offlineSince: online || presenceAtMs === null ? null : new Date(Number(presenceAtMs)),
      openInquiries,
      lastAssignedAt: lastAssignedAtMs === null ? null : new Date(Number(lastAssignedAtMs)),
    });
  }
  return live;
}

/**
 * A decision as stored: the detailed verdicts of the employees routing looked at closely, and everyone
 * else as person ids grouped by the rules they failed (names are the read model's on reading). A few
 * kilobytes of ids instead of a paragraph per employee.
 */
interface StoredCandidates {
  v: 2;
  verdicts: CandidateVerdict[];
  rejected: RejectedGroup[];
}

/** Rejected verdicts become grouped ids; their detail is "<name> <why>", so the why is kept once per group. */
export function compactCandidates(result: RoutingResult): StoredCandidates {
  const verdicts: CandidateVerdict[] = [];
  const groups = new Map<string, RejectedGroup>();
  for (const group of result.rejectedGroups ?? [])
    groups.set(`${group.failed.join(',')}|${group.why}`, { ...group, personIds: [...group.personIds] });
  for (const verdict of result.candidates) {
    const why = verdict.detail.startsWith(`${verdict.name} `) ? verdict.detail.slice(verdict.name.length + 1) : null;
    if (verdict.qualified || why === null || verdict.personId === result.assigneeId) {
      verdicts.push(verdict);
      continue;
    }
    const key = `${verdict.failed.join(',')}|${why}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { failed: verdict.failed, why, personIds: [] }));
    group.personIds.push(verdict.personId);
  }
  return { v: 2, verdicts, rejected: [...groups.values()] };
}

/** Back to the view: the detailed verdicts first (as decided), then every rejected employee by person id. */
export function expandCandidates(stored: StoredCandidates | CandidateVerdict[], names: ReadonlyMap<string, string>): CandidateVerdict[] {
  if (Array.isArray(stored)) return stored;
  const leading = stored.verdicts.filter((verdict) => verdict.qualified || verdict.reason === null);
  const rejected = stored.verdicts.filter((verdict) => !(verdict.qualified || verdict.reason === null));
  for (const group of stored.rejected) {
    for (const personId of group.personIds) {
      const name = names.get(personId) ?? personId;
      rejected.push({
        personId,
        name,
        qualified: false,
        reason: group.failed[0] ?? null,
        failed: group.failed,
        detail: `${name} ${group.why}`,
        openInquiries: null,
      });
    }
  }
  rejected.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  return [...leading, ...rejected];
}

interface DecisionRow {
  id: string;
  trigger: RoutingTrigger;
  outcome: RoutingResult['outcome'];
  assignee_id: string | null;
  reason: string;
  released: RoutingResult['released'];
  candidates: StoredCandidates | CandidateVerdict[];
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
  async candidates(manager: EntityManager, tenantId: string): Promise<ScheduledCandidate[]> {
    return toCandidates(await manager.query(CANDIDATES_SQL, [tenantId]));
  }

  async roster(manager: EntityManager, tenantId: string): Promise<Roster> {
    return toRoster(await manager.query(ROSTER_SQL, [tenantId]));
  }

  async live(manager: EntityManager, tenantId: string, personIds: string[]): Promise<Map<string, LiveFacts>> {
    if (personIds.length === 0) return new Map();
    return toLive(await manager.query(LIVE_SQL, [tenantId, personIds]));
  }

  /** The roster version and the live facts of these employees, read in one statement. */
  async versionedLive(
    manager: EntityManager,
    tenantId: string,
    personIds: string[],
  ): Promise<{ version: string | null; live: Map<string, LiveFacts> }> {
    const rows: Array<{ version: string | null; live: string | null }> = await manager.query(VERSIONED_LIVE_SQL, [tenantId, personIds]);
    return { version: rows[0]?.version ?? null, live: toLive([{ live: rows[0]?.live ?? '[]' }]) };
  }

  async settings(manager: EntityManager, tenantId: string): Promise<ChatSettingsView> {
    const rows: Array<{
      client_employee_chats: boolean;
      client_group_chats: boolean;
      inquiries: boolean;
      sticky_release_minutes: number | null;
      use_work_schedules: boolean;
    }> = await manager.query(`SELECT * FROM chat_settings WHERE tenant_id = $1`, [tenantId]);
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
      [
        tenantId,
        settings.clientEmployeeChats,
        settings.clientGroupChats,
        settings.inquiries,
        settings.stickyReleaseMinutes,
        settings.useWorkSchedules,
      ],
    );
  }

  async saveDecision(
    manager: EntityManager,
    tenantId: string,
    inquiryId: string,
    id: string,
    trigger: RoutingTrigger,
    result: RoutingResult,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO routing_decisions (id, tenant_id, inquiry_id, trigger, outcome, assignee_id, reason, released, candidates, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        tenantId,
        inquiryId,
        trigger,
        result.outcome,
        result.assigneeId,
        result.reason,
        result.released ? JSON.stringify(result.released) : null,
        JSON.stringify(compactCandidates(result)),
        at,
      ],
    );
  }

  async decisions(manager: EntityManager, tenantId: string, inquiryId: string): Promise<RoutingDecisionView[]> {
    const rows: DecisionRow[] = await manager.query(
      `SELECT id, trigger, outcome, assignee_id, reason, released, candidates, decided_at FROM routing_decisions
       WHERE tenant_id = $1 AND inquiry_id = $2 ORDER BY id`,
      [tenantId, inquiryId],
    );
    const ids = new Set<string>();
    for (const row of rows)
      if (!Array.isArray(row.candidates)) for (const group of row.candidates.rejected) for (const id of group.personIds) ids.add(id);
    const names = new Map<string, string>();
    if (ids.size > 0) {
      const found: Array<{ person_id: string; full_name: string | null }> = await manager.query(
        `SELECT person_id, full_name FROM employees WHERE tenant_id = $1 AND person_id = ANY($2::uuid[])`,
        [tenantId, [...ids]],
      );
      for (const row of found) if (row.full_name) names.set(row.person_id, row.full_name);
    }
    return rows.map((row) => ({
      id: row.id,
      trigger: row.trigger,
      outcome: row.outcome,
      assigneeId: row.assignee_id,
      reason: row.reason,
      released: row.released,
      decidedAt: row.decided_at.toISOString(),
      candidates: expandCandidates(row.candidates, names),
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
    await manager.query(`UPDATE employees SET open_inquiries = GREATEST(open_inquiries - 1, 0) WHERE tenant_id = $1 AND person_id = $2`, [
      tenantId,
      personId,
    ]);
  }
}
