import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { StatusCategory, StatusView, TransitionGrants, TransitionView, WorkflowKind, WorkflowView } from '@warden/contracts';
import type { ResolvedTransition } from './transition.input';

interface WorkflowRow {
  id: string;
  name: string;
  kind: WorkflowKind;
  free: boolean;
  created_at: Date;
  updated_at: Date;
}

interface StatusRow {
  id: string;
  workflow_id: string;
  name: string;
  color: string;
  position: number;
  category: StatusCategory;
  archived_at: Date | null;
}

interface TransitionRow {
  id: string;
  workflow_id: string;
  from_status_id: string;
  to_status_id: string;
  grants: TransitionGrants;
}

export interface NewStatus {
  id: string;
  name: string;
  color: string;
  position: number;
  category: StatusCategory;
  archived: boolean;
}

function toStatusView(row: StatusRow): StatusView {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    name: row.name,
    color: row.color,
    position: row.position,
    category: row.category,
    archived: row.archived_at !== null,
  };
}

/** Workflows and statuses of one tenant; every query is scoped by the tenant id it is given. */
@Injectable()
export class WorkflowRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(tenantId: string, kind?: WorkflowKind, manager: EntityManager = this.dataSource.manager): Promise<WorkflowView[]> {
    const rows: WorkflowRow[] = await manager.query(
      `SELECT id, name, kind, free, created_at, updated_at FROM workflows
       WHERE tenant_id = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY is_default DESC, created_at, id`,
      [tenantId, kind ?? null],
    );
    if (rows.length === 0) return [];
    const statuses: StatusRow[] = await manager.query(
      `SELECT id, workflow_id, name, color, position, category, archived_at FROM statuses
       WHERE tenant_id = $1 AND workflow_id = ANY($2) ORDER BY position, id`,
      [tenantId, rows.map((row) => row.id)],
    );
    const transitions = await this.transitionRows(
      manager,
      tenantId,
      rows.map((row) => row.id),
    );
    return rows.map((row) =>
      this.toView(
        row,
        statuses.filter((status) => status.workflow_id === row.id),
        transitions.filter((transition) => transition.workflow_id === row.id),
      ),
    );
  }

  async get(
    tenantId: string,
    workflowId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<WorkflowView | null> {
    const rows: WorkflowRow[] = await manager.query(
      `SELECT id, name, kind, free, created_at, updated_at FROM workflows WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [tenantId, workflowId],
    );
    if (!rows[0]) return null;
    const statuses: StatusRow[] = await manager.query(
      `SELECT id, workflow_id, name, color, position, category, archived_at FROM statuses
       WHERE tenant_id = $1 AND workflow_id = $2 ORDER BY position, id`,
      [tenantId, workflowId],
    );
    return this.toView(rows[0], statuses, await this.transitionRows(manager, tenantId, [workflowId]));
  }

  /** Makes the workflow's transitions exactly these; a pair that was there keeps its id. */
  async replaceTransitions(
    manager: EntityManager,
    tenantId: string,
    workflowId: string,
    transitions: readonly ResolvedTransition[],
    newId: () => string,
  ): Promise<void> {
    const existing = await this.transitionRows(manager, tenantId, [workflowId]);
    const idOf = new Map(existing.map((row) => [`${row.from_status_id}>${row.to_status_id}`, row.id]));
    await manager.query('DELETE FROM transitions WHERE tenant_id = $1 AND workflow_id = $2', [tenantId, workflowId]);
    for (const [position, transition] of transitions.entries()) {
      await manager.query(
        `INSERT INTO transitions (id, tenant_id, workflow_id, from_status_id, to_status_id, grants, position) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          idOf.get(`${transition.fromStatusId}>${transition.toStatusId}`) ?? newId(),
          tenantId,
          workflowId,
          transition.fromStatusId,
          transition.toStatusId,
          JSON.stringify(transition.grants),
          position,
        ],
      );
    }
  }

  /** Appends one transition (after the others). */
  async insertTransition(
    manager: EntityManager,
    tenantId: string,
    workflowId: string,
    id: string,
    transition: ResolvedTransition,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO transitions (id, tenant_id, workflow_id, from_status_id, to_status_id, grants, position)
       SELECT $1, $2, $3, $4, $5, $6, COALESCE(MAX(position) + 1, 0) FROM transitions WHERE tenant_id = $2 AND workflow_id = $3`,
      [id, tenantId, workflowId, transition.fromStatusId, transition.toStatusId, JSON.stringify(transition.grants)],
    );
  }

  async updateTransitionGrants(manager: EntityManager, tenantId: string, transitionId: string, grants: TransitionGrants): Promise<void> {
    await manager.query('UPDATE transitions SET grants = $3 WHERE tenant_id = $1 AND id = $2', [
      tenantId,
      transitionId,
      JSON.stringify(grants),
    ]);
  }

  async deleteTransition(manager: EntityManager, tenantId: string, transitionId: string): Promise<void> {
    await manager.query('DELETE FROM transitions WHERE tenant_id = $1 AND id = $2', [tenantId, transitionId]);
  }

  /** Ids of statuses of the tenant's other workflows (to tell "another workflow's status" from "no status"). */
  async statusIdsOutside(
    manager: EntityManager,
    tenantId: string,
    workflowId: string | null,
    ids: readonly string[],
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM statuses WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND ($3::uuid IS NULL OR workflow_id <> $3)`,
      [tenantId, ids, workflowId],
    );
    return new Set(rows.map((row) => row.id));
  }

  private async transitionRows(manager: EntityManager, tenantId: string, workflowIds: string[]): Promise<TransitionRow[]> {
    return manager.query(
      `SELECT id, workflow_id, from_status_id, to_status_id, grants FROM transitions
       WHERE tenant_id = $1 AND workflow_id = ANY($2::uuid[]) ORDER BY position, id`,
      [tenantId, workflowIds],
    );
  }

  async defaultOrderWorkflowId(tenantId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM workflows WHERE tenant_id = $1 AND kind = 'order' ORDER BY is_default DESC, created_at, id LIMIT 1`,
      [tenantId],
    );
    return rows[0]?.id ?? null;
  }

  /** Returns false when the tenant already has a default workflow of this kind. */
  async insertWorkflow(
    manager: EntityManager,
    tenantId: string,
    workflow: { id: string; name: string; kind: WorkflowKind; free: boolean; isDefault: boolean },
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO workflows (id, tenant_id, name, kind, free, is_default) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING id`,
      [workflow.id, tenantId, workflow.name, workflow.kind, workflow.free, workflow.isDefault],
    );
    return inserted.length > 0;
  }

  async renameWorkflow(manager: EntityManager, tenantId: string, workflowId: string, name: string | undefined): Promise<void> {
    await manager.query(`UPDATE workflows SET name = COALESCE($3, name), updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      workflowId,
      name ?? null,
    ]);
  }

  async insertStatus(manager: EntityManager, tenantId: string, workflowId: string, status: NewStatus): Promise<void> {
    await manager.query(
      `INSERT INTO statuses (id, workflow_id, tenant_id, name, color, position, category, archived_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8 THEN now() END)`,
      [status.id, workflowId, tenantId, status.name, status.color, status.position, status.category, status.archived],
    );
  }

  async updateStatus(manager: EntityManager, tenantId: string, status: NewStatus): Promise<void> {
    await manager.query(
      `UPDATE statuses SET name = $3, color = $4, position = $5, category = $6,
         archived_at = CASE WHEN $7 THEN COALESCE(archived_at, now()) END
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, status.id, status.name, status.color, status.position, status.category, status.archived],
    );
  }

  /** A status is in use while an order or task is in it, its history mentions it, or a template starts in it. */
  async statusInUse(manager: EntityManager, tenantId: string, statusId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM orders WHERE tenant_id = $1 AND status_id = $2
       UNION ALL SELECT 1 FROM order_history WHERE tenant_id = $1 AND (from_status_id = $2 OR to_status_id = $2)
       UNION ALL SELECT 1 FROM tasks WHERE tenant_id = $1 AND status_id = $2
       UNION ALL SELECT 1 FROM task_history WHERE tenant_id = $1 AND (from_status_id = $2 OR to_status_id = $2)
       UNION ALL SELECT 1 FROM templates WHERE tenant_id = $1 AND initial_status_id = $2 LIMIT 1`,
      [tenantId, statusId],
    );
    return rows.length > 0;
  }

  async deleteStatus(manager: EntityManager, tenantId: string, statusId: string): Promise<void> {
    await manager.query(`DELETE FROM order_status_counts WHERE tenant_id = $1 AND status_id = $2`, [tenantId, statusId]);
    await manager.query(`DELETE FROM statuses WHERE tenant_id = $1 AND id = $2`, [tenantId, statusId]);
  }

  private toView(row: WorkflowRow, statuses: StatusRow[], transitions: TransitionRow[]): WorkflowView {
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      free: row.free,
      statuses: statuses.map(toStatusView),
      transitions: transitions.map(
        (transition): TransitionView => ({
          id: transition.id,
          fromStatusId: transition.from_status_id,
          toStatusId: transition.to_status_id,
          grants: transition.grants,
        }),
      ),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}
