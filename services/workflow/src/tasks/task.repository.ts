import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { queryRows } from '@warden/persistence';
import type {
  PersonKind,
  RecordedDecision,
  StatusCategory,
  TaskHistoryEntry,
  TaskParticipantView,
  TaskRole,
  TaskView,
  TaskVisibility,
  TransitionGrants,
} from '@warden/contracts';
import { taskSightCondition } from './task-sight.filter';

interface TaskRow {
  id: string;
  title: string;
  description: string;
  project_id: string | null;
  template_id: string | null;
  workflow_id: string;
  workflow_updated_at: Date;
  status_id: string;
  status_name: string;
  status_category: StatusCategory;
  status_color: string;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  participants: TaskParticipantView[];
}

export interface StatusRecord {
  id: string;
  workflowId: string;
  name: string;
  category: StatusCategory;
  archived: boolean;
}

export interface NewTask {
  id: string;
  title: string;
  description: string;
  projectId: string | null;
  templateId: string | null;
  workflowId: string;
  status: StatusRecord;
  createdBy: string | null;
}

export interface TaskListQuery {
  visibility: TaskVisibility;
  projectId?: string;
  statusId?: string;
  participantId?: string;
  role?: TaskRole;
  afterId?: string;
  limit: number;
}

const TASK_SELECT = `
  SELECT t.id, t.title, t.description, t.project_id, t.template_id, t.workflow_id, w.updated_at AS workflow_updated_at,
         t.status_id, s.name AS status_name, s.category AS status_category, s.color AS status_color,
         t.version, t.created_by, t.created_at, t.updated_at, t.closed_at,
         COALESCE((SELECT json_agg(json_build_object('personId', p.person_id, 'kind', p.kind, 'role', p.role) ORDER BY p.role, p.person_id)
                   FROM task_participants p WHERE p.task_id = t.id), '[]'::json) AS participants
  FROM tasks t JOIN statuses s ON s.id = t.status_id JOIN workflows w ON w.id = t.workflow_id`;

function toView(row: TaskRow): TaskView {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    projectId: row.project_id,
    templateId: row.template_id,
    workflowId: row.workflow_id,
    workflowVersion: row.workflow_updated_at.toISOString(),
    status: { id: row.status_id, name: row.status_name, category: row.status_category, color: row.status_color },
    participants: row.participants,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

/** Tasks of one tenant with their participants and history; every query is scoped by the tenant id. */
@Injectable()
export class TaskRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(tenantId: string, taskId: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<TaskView | null> {
    if (lock) await manager.query('SELECT 1 FROM tasks WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, taskId]);
    const rows: TaskRow[] = await manager.query(`${TASK_SELECT} WHERE t.tenant_id = $1 AND t.id = $2`, [tenantId, taskId]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async status(tenantId: string, statusId: string, manager: EntityManager = this.dataSource.manager): Promise<StatusRecord | null> {
    const rows: Array<{ id: string; workflow_id: string; name: string; category: StatusCategory; archived: boolean }> = await manager.query(
      'SELECT id, workflow_id, name, category, archived_at IS NOT NULL AS archived FROM statuses WHERE tenant_id = $1 AND id = $2',
      [tenantId, statusId],
    );
    const row = rows[0];
    return row ? { id: row.id, workflowId: row.workflow_id, name: row.name, category: row.category, archived: row.archived } : null;
  }

  /**
   * The statuses a task may start in without a template: the workflow's initial statuses (not
   * archived, in workflow order), else its first status.
   */
  async startStatuses(tenantId: string, workflowId: string, manager: EntityManager): Promise<StatusRecord[]> {
    const rows: Array<{ id: string; workflow_id: string; name: string; category: StatusCategory }> = await manager.query(
      `SELECT id, workflow_id, name, category FROM statuses WHERE tenant_id = $1 AND workflow_id = $2 AND archived_at IS NULL
       ORDER BY (category = 'initial') DESC, position, id`,
      [tenantId, workflowId],
    );
    const initial = rows.filter((row) => row.category === 'initial');
    return (initial.length > 0 ? initial : rows.slice(0, 1)).map((row) => ({
      id: row.id,
      workflowId: row.workflow_id,
      name: row.name,
      category: row.category,
      archived: false,
    }));
  }

  async insert(manager: EntityManager, tenantId: string, task: NewTask): Promise<void> {
    await manager.query(
      `INSERT INTO tasks (id, tenant_id, title, description, project_id, template_id, workflow_id, status_id, created_by, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $10 THEN now() END)`,
      [
        task.id,
        tenantId,
        task.title,
        task.description,
        task.projectId,
        task.templateId,
        task.workflowId,
        task.status.id,
        task.createdBy,
        task.status.category === 'final',
      ],
    );
  }

  async addParticipants(
    manager: EntityManager,
    tenantId: string,
    taskId: string,
    participants: readonly TaskParticipantView[],
  ): Promise<TaskParticipantView[]> {
    const added: TaskParticipantView[] = [];
    for (const participant of participants) {
      const rows: unknown[] = await manager.query(
        `INSERT INTO task_participants (tenant_id, task_id, person_id, kind, role) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING person_id`,
        [tenantId, taskId, participant.personId, participant.kind, participant.role],
      );
      if (rows.length > 0) added.push(participant);
    }
    return added;
  }

  async removeParticipants(
    manager: EntityManager,
    tenantId: string,
    taskId: string,
    participants: ReadonlyArray<{ personId: string; role: TaskRole }>,
  ): Promise<TaskParticipantView[]> {
    const removed: TaskParticipantView[] = [];
    for (const participant of participants) {
      const rows = await queryRows<{ person_id: string; kind: PersonKind; role: TaskRole }>(
        manager,
        'DELETE FROM task_participants WHERE tenant_id = $1 AND task_id = $2 AND person_id = $3 AND role = $4 RETURNING person_id, kind, role',
        [tenantId, taskId, participant.personId, participant.role],
      );
      for (const row of rows) removed.push({ personId: row.person_id, kind: row.kind, role: row.role });
    }
    return removed;
  }

  async touch(
    manager: EntityManager,
    tenantId: string,
    taskId: string,
    changes: { title?: string; description?: string } = {},
  ): Promise<void> {
    await manager.query(
      `UPDATE tasks SET title = COALESCE($3, title), description = COALESCE($4, description), version = version + 1, updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, taskId, changes.title ?? null, changes.description ?? null],
    );
  }

  async moveToStatus(manager: EntityManager, tenantId: string, taskId: string, to: StatusRecord): Promise<void> {
    await manager.query(
      `UPDATE tasks SET status_id = $3, version = version + 1, updated_at = now(), closed_at = CASE WHEN $4 THEN now() END
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, taskId, to.id, to.category === 'final'],
    );
  }

  async addHistory(
    manager: EntityManager,
    tenantId: string,
    entry: {
      id: string;
      taskId: string;
      from: { id: string; name: string } | null;
      to: { id: string; name: string };
      actorId: string | null;
      actorRoles: TaskRole[];
      actorKind: PersonKind | null;
      decision: RecordedDecision | null;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO task_history (id, task_id, tenant_id, from_status_id, from_status_name, to_status_id, to_status_name, actor_id, actor_roles, actor_kind, decision)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        entry.id,
        entry.taskId,
        tenantId,
        entry.from?.id ?? null,
        entry.from?.name ?? null,
        entry.to.id,
        entry.to.name,
        entry.actorId,
        entry.actorRoles,
        entry.actorKind,
        entry.decision ? JSON.stringify(entry.decision) : null,
      ],
    );
  }

  async history(tenantId: string, taskId: string): Promise<TaskHistoryEntry[]> {
    const rows: Array<{
      id: string;
      from_status_id: string | null;
      from_status_name: string | null;
      to_status_id: string;
      to_status_name: string;
      actor_id: string | null;
      actor_roles: TaskRole[];
      actor_kind: PersonKind | null;
      at: Date;
      decision: RecordedDecision | null;
    }> = await this.dataSource.query(
      `SELECT id, from_status_id, from_status_name, to_status_id, to_status_name, actor_id, actor_roles, actor_kind, at, decision
       FROM task_history WHERE tenant_id = $1 AND task_id = $2 ORDER BY id`,
      [tenantId, taskId],
    );
    return rows.map((row) => ({
      id: row.id,
      from: row.from_status_id ? { id: row.from_status_id, name: row.from_status_name ?? '' } : null,
      to: { id: row.to_status_id, name: row.to_status_name },
      actorId: row.actor_id,
      actorRoles: row.actor_roles,
      actorKind: row.actor_kind,
      at: row.at.toISOString(),
      decision: row.decision,
    }));
  }

  /**
   * Newest first, only tasks in which a visible person takes part. The visibility filter is part
   * of the SQL (an index on participants by person), never a filter in memory.
   */
  async list(tenantId: string, query: TaskListQuery): Promise<TaskView[]> {
    const params: unknown[] = [tenantId];
    const next = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    let sql = `${TASK_SELECT} WHERE t.tenant_id = $1 AND ${taskSightCondition(query.visibility, next)}`;
    if (query.projectId) {
      params.push(query.projectId);
      sql += ` AND t.project_id = $${params.length}`;
    }
    if (query.statusId) {
      params.push(query.statusId);
      sql += ` AND t.status_id = $${params.length}`;
    }
    if (query.participantId || query.role) {
      params.push(query.participantId ?? null, query.role ?? null);
      sql += ` AND EXISTS (SELECT 1 FROM task_participants f WHERE f.task_id = t.id
        AND ($${params.length - 1}::uuid IS NULL OR f.person_id = $${params.length - 1}) AND ($${params.length}::text IS NULL OR f.role = $${params.length}))`;
    }
    if (query.afterId) {
      params.push(query.afterId);
      sql += ` AND t.id < $${params.length}`;
    }
    const rows: TaskRow[] = await this.dataSource.query(`${sql} ORDER BY t.id DESC LIMIT ${query.limit + 1}`, params);
    return rows.map(toView);
  }

  /** Transitions out of one status, with their grants. */
  async transitionsFrom(tenantId: string, statusId: string): Promise<Array<{ toStatusId: string; grants: TransitionGrants }>> {
    const rows: Array<{ to_status_id: string; grants: TransitionGrants }> = await this.dataSource.query(
      'SELECT to_status_id, grants FROM transitions WHERE tenant_id = $1 AND from_status_id = $2 ORDER BY position, id',
      [tenantId, statusId],
    );
    return rows.map((row) => ({ toStatusId: row.to_status_id, grants: row.grants }));
  }

  async transitionExists(manager: EntityManager, tenantId: string, fromStatusId: string, toStatusId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM transitions WHERE tenant_id = $1 AND from_status_id = $2 AND to_status_id = $3',
      [tenantId, fromStatusId, toStatusId],
    );
    return rows.length > 0;
  }

  async kindOf(tenantId: string, personId: string): Promise<PersonKind | null> {
    const rows: Array<{ kind: PersonKind }> = await this.dataSource.query(
      'SELECT kind FROM people WHERE tenant_id = $1 AND person_id = $2',
      [tenantId, personId],
    );
    return rows[0]?.kind ?? null;
  }
}
