import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { AccessLevel, StatusCategory, WorkflowChangedV1, WorkflowKind } from '@warden/contracts';
import { FactsCache } from '../policy/facts.cache';
import type { GroupFact, PersonLevelFacts, StatusFact } from './status-levels.policy';

export interface StatusRecord extends StatusFact {
  kind: WorkflowKind;
  workflowId: string;
  workflowName: string;
  position: number;
}

interface StatusRow {
  status_id: string;
  workflow_id: string;
  workflow_name: string;
  workflow_kind: WorkflowKind;
  name: string;
  category: StatusCategory;
  position: number;
  archived: boolean;
}

interface FactsRow {
  groups: GroupFact[] | null;
  overrides: Record<string, AccessLevel> | null;
  flag: boolean | null;
  policy_version: string | null;
}

/**
 * One round trip for everything a status decision needs about a person: its groups (from the
 * group_members/groups tables of this service) with their explicit levels, its overrides, its flag
 * and the tenant's policy version. `statusIds` null loads the levels of every status.
 */
const FACTS_SQL = `
  SELECT
    (SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'systemKey', g.system_key,
              'levels', COALESCE((SELECT json_object_agg(l.status_id, l.level) FROM group_status_levels l
                                  WHERE l.tenant_id = $1 AND l.group_id = g.id
                                    AND ($3::uuid[] IS NULL OR l.status_id = ANY($3::uuid[]))), '{}'::json)) ORDER BY g.name)
       FROM group_members m JOIN groups g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
      WHERE m.tenant_id = $1 AND m.person_id = $2) AS groups,
    (SELECT json_object_agg(p.status_id, p.level) FROM person_status_levels p
      WHERE p.tenant_id = $1 AND p.person_id = $2 AND ($3::uuid[] IS NULL OR p.status_id = ANY($3::uuid[]))) AS overrides,
    (SELECT may_change_closed FROM person_status_flags f WHERE f.tenant_id = $1 AND f.person_id = $2) AS flag,
    (SELECT version FROM tenant_policy WHERE tenant_id = $1) AS policy_version`;

/** FACTS_SQL plus the named statuses of order workflows (as `statuses()`), so an order decision reads both in one round trip. */
const DECISION_FACTS_SQL = `
  SELECT facts.*,
         (SELECT json_agg(json_build_object('status_id', s.status_id, 'workflow_id', s.workflow_id, 'workflow_name', s.workflow_name,
                   'workflow_kind', s.workflow_kind, 'name', s.name, 'category', s.category, 'position', s.position, 'archived', s.archived))
            FROM order_statuses s WHERE s.tenant_id = $1 AND s.status_id = ANY($3::uuid[]) AND s.workflow_kind = 'order') AS statuses
  FROM (${FACTS_SQL}) AS facts`;

/** Every status of the tenant (all kinds) with the policy version, in one statement: cached per tenant. */
const ALL_STATUSES_SQL = `
  SELECT (SELECT version FROM tenant_policy WHERE tenant_id = $1) AS policy_version,
         (SELECT json_agg(json_build_object('status_id', s.status_id, 'workflow_id', s.workflow_id, 'workflow_name', s.workflow_name,
                   'workflow_kind', s.workflow_kind, 'name', s.name, 'category', s.category, 'position', s.position, 'archived', s.archived))
            FROM order_statuses s WHERE s.tenant_id = $1) AS statuses`;

function toLevelFacts(row: FactsRow): PersonLevelFacts & { policyVersion: number } {
  return {
    groups: row.groups ?? [],
    overrides: row.overrides ?? {},
    mayChangeClosed: row.flag,
    policyVersion: row.policy_version === null ? 0 : Number(row.policy_version),
  };
}

function toStatus(row: StatusRow): StatusRecord {
  return {
    statusId: row.status_id,
    kind: row.workflow_kind,
    workflowId: row.workflow_id,
    workflowName: row.workflow_name,
    name: row.name,
    category: row.category,
    position: row.position,
    archived: row.archived,
  };
}

@Injectable()
export class StatusAccessRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: FactsCache,
  ) {}

  /** Order statuses of the tenant (all, or these), ordered by workflow and position. */
  statuses(tenantId: string, statusIds: string[] | null, manager: EntityManager = this.dataSource.manager): Promise<StatusRecord[]> {
    return this.statusesOfKind(tenantId, statusIds, 'order', manager);
  }

  /**
   * Statuses of every workflow, orders' and tasks' (kind null), or of one kind; order workflows
   * first, then by workflow and position — the order of the "Statuses" screens.
   */
  async statusesOfKind(
    tenantId: string,
    statusIds: string[] | null,
    kind: WorkflowKind | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StatusRecord[]> {
    const rows: StatusRow[] = await manager.query(
      `SELECT status_id, workflow_id, workflow_name, workflow_kind, name, category, position, archived FROM order_statuses
       WHERE tenant_id = $1 AND ($2::uuid[] IS NULL OR status_id = ANY($2::uuid[])) AND ($3::text IS NULL OR workflow_kind = $3)
       ORDER BY workflow_kind, workflow_name, workflow_id, position`,
      [tenantId, statusIds, kind],
    );
    return rows.map(toStatus);
  }

  async personFacts(
    tenantId: string,
    personId: string,
    statusIds: string[] | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PersonLevelFacts & { policyVersion: number }> {
    const rows: FactsRow[] = await manager.query(FACTS_SQL, [tenantId, personId, statusIds]);
    const row = rows[0]!;
    return toLevelFacts(row);
  }

  /**
   * The person's levels on every status, its flag and the policy version, from the cache (the
   * decisions' path: whatever changes them bumps the version, which drops them).
   */
  levelFacts(tenantId: string, personId: string): Promise<PersonLevelFacts & { policyVersion: number }> {
    return this.cache.person(tenantId, personId, 'levels', () => this.personFacts(tenantId, personId, null));
  }

  /**
   * `statuses(tenantId, statusIds)` and `personFacts(tenantId, personId, statusIds)` (unordered
   * statuses). Without a manager from the cache (a person's levels, the tenant's statuses); with
   * one in one statement of that transaction. The cached levels cover every status, not just these.
   */
  async decisionFacts(
    tenantId: string,
    personId: string,
    statusIds: string[],
    manager?: EntityManager,
  ): Promise<{ statuses: StatusRecord[]; facts: PersonLevelFacts & { policyVersion: number } }> {
    if (!manager) {
      const [all, facts] = await Promise.all([
        this.cache.tenant(tenantId, 'statuses', () => this.allStatuses(tenantId)),
        this.levelFacts(tenantId, personId),
      ]);
      const wanted = new Set(statusIds.map((id) => id.toLowerCase()));
      return { statuses: all.statuses.filter((status) => status.kind === 'order' && wanted.has(status.statusId)), facts };
    }
    const rows: Array<FactsRow & { statuses: StatusRow[] | null }> = await manager.query(DECISION_FACTS_SQL, [
      tenantId,
      personId,
      statusIds,
    ]);
    const row = rows[0]!;
    return {
      statuses: (row.statuses ?? []).map(toStatus),
      facts: toLevelFacts(row),
    };
  }

  private async allStatuses(tenantId: string): Promise<{ statuses: StatusRecord[]; policyVersion: number }> {
    const rows: Array<{ policy_version: string | null; statuses: StatusRow[] | null }> = await this.dataSource.query(ALL_STATUSES_SQL, [
      tenantId,
    ]);
    const row = rows[0]!;
    return { statuses: (row.statuses ?? []).map(toStatus), policyVersion: row.policy_version === null ? 0 : Number(row.policy_version) };
  }

  async group(tenantId: string, groupId: string, manager: EntityManager = this.dataSource.manager): Promise<GroupFact | null> {
    const rows: GroupFact[] = await manager.query(
      `SELECT g.id, g.name, g.system_key AS "systemKey",
              COALESCE((SELECT json_object_agg(l.status_id, l.level) FROM group_status_levels l
                         WHERE l.tenant_id = $1 AND l.group_id = g.id), '{}'::json) AS levels
       FROM groups g WHERE g.tenant_id = $1 AND g.id = $2`,
      [tenantId, groupId],
    );
    return rows[0] ?? null;
  }

  async groupMemberIds(manager: EntityManager, tenantId: string, groupId: string): Promise<string[]> {
    const rows: Array<{ person_id: string }> = await manager.query(
      'SELECT person_id FROM group_members WHERE tenant_id = $1 AND group_id = $2',
      [tenantId, groupId],
    );
    return rows.map((row) => row.person_id);
  }

  async setPersonLevel(
    manager: EntityManager,
    tenantId: string,
    personId: string,
    statusId: string,
    level: AccessLevel | null,
  ): Promise<void> {
    if (level === null) {
      await manager.query('DELETE FROM person_status_levels WHERE tenant_id = $1 AND person_id = $2 AND status_id = $3', [
        tenantId,
        personId,
        statusId,
      ]);
      return;
    }
    await manager.query(
      `INSERT INTO person_status_levels (tenant_id, person_id, status_id, level) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, person_id, status_id) DO UPDATE SET level = EXCLUDED.level`,
      [tenantId, personId, statusId, level],
    );
  }

  async setGroupLevel(
    manager: EntityManager,
    tenantId: string,
    groupId: string,
    statusId: string,
    level: AccessLevel | null,
  ): Promise<void> {
    if (level === null) {
      await manager.query('DELETE FROM group_status_levels WHERE tenant_id = $1 AND group_id = $2 AND status_id = $3', [
        tenantId,
        groupId,
        statusId,
      ]);
      return;
    }
    await manager.query(
      `INSERT INTO group_status_levels (tenant_id, group_id, status_id, level) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, group_id, status_id) DO UPDATE SET level = EXCLUDED.level`,
      [tenantId, groupId, statusId, level],
    );
  }

  async setFlag(manager: EntityManager, tenantId: string, personId: string, value: boolean | null): Promise<void> {
    if (value === null) {
      await manager.query('DELETE FROM person_status_flags WHERE tenant_id = $1 AND person_id = $2', [tenantId, personId]);
      return;
    }
    await manager.query(
      `INSERT INTO person_status_flags (tenant_id, person_id, may_change_closed) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, person_id) DO UPDATE SET may_change_closed = EXCLUDED.may_change_closed`,
      [tenantId, personId, value],
    );
  }

  /**
   * Replaces what the read model holds for one workflow with the snapshot. Returns true when
   * anything a decision reads changed (a status appeared, went away or changed category).
   */
  async applyWorkflowSnapshot(manager: EntityManager, tenantId: string, snapshot: WorkflowChangedV1): Promise<boolean> {
    const before = await this.statusesOfWorkflow(manager, tenantId, snapshot.workflowId);
    const ids = snapshot.statuses.map((status) => status.statusId);
    await manager.query('DELETE FROM order_statuses WHERE tenant_id = $1 AND workflow_id = $2 AND NOT (status_id = ANY($3::uuid[]))', [
      tenantId,
      snapshot.workflowId,
      ids,
    ]);
    for (const status of snapshot.statuses) {
      await manager.query(
        `INSERT INTO order_statuses (tenant_id, status_id, workflow_id, workflow_name, name, category, position, archived, workflow_kind)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (tenant_id, status_id) DO UPDATE SET workflow_name = EXCLUDED.workflow_name, name = EXCLUDED.name,
           category = EXCLUDED.category, position = EXCLUDED.position, archived = EXCLUDED.archived`,
        [
          tenantId,
          status.statusId,
          snapshot.workflowId,
          snapshot.name,
          status.name,
          status.category,
          status.position,
          status.archived,
          snapshot.kind,
        ],
      );
    }
    const removed = before.filter((status) => !ids.includes(status.statusId)).map((status) => status.statusId);
    if (removed.length > 0) {
      await manager.query('DELETE FROM person_status_levels WHERE tenant_id = $1 AND status_id = ANY($2::uuid[])', [tenantId, removed]);
      await manager.query('DELETE FROM group_status_levels WHERE tenant_id = $1 AND status_id = ANY($2::uuid[])', [tenantId, removed]);
    }
    const known = new Map(before.map((status) => [status.statusId, status.category]));
    return removed.length > 0 || snapshot.statuses.some((status) => known.get(status.statusId) !== status.category);
  }

  private async statusesOfWorkflow(manager: EntityManager, tenantId: string, workflowId: string): Promise<StatusRecord[]> {
    const rows: StatusRow[] = await manager.query(
      `SELECT status_id, workflow_id, workflow_name, workflow_kind, name, category, position, archived FROM order_statuses WHERE tenant_id = $1 AND workflow_id = $2`,
      [tenantId, workflowId],
    );
    return rows.map(toStatus);
  }
}
