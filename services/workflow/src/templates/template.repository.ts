import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { ProjectScope, TaskParticipantView, TemplateView } from '@warden/contracts';

interface TemplateRow {
  id: string;
  name: string;
  workflow_id: string;
  initial_status_id: string;
  default_participants: TaskParticipantView[];
  created_at: Date;
  updated_at: Date;
}

export interface TemplateRecord {
  id: string;
  name: string;
  workflowId: string;
  initialStatusId: string;
  defaultParticipants: TaskParticipantView[];
}

const COLUMNS = 'id, name, workflow_id, initial_status_id, default_participants, created_at, updated_at';

function toView(row: TemplateRow): TemplateView {
  return {
    id: row.id,
    name: row.name,
    workflowId: row.workflow_id,
    initialStatusId: row.initial_status_id,
    defaultParticipants: row.default_participants,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Task templates of one tenant; every query is scoped by the tenant id it is given. */
@Injectable()
export class TemplateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The templates the scope lets see: for a contact, those naming no contact outside its company. */
  async list(tenantId: string, scope: ProjectScope): Promise<TemplateView[]> {
    const rows: TemplateRow[] =
      scope.contactId === null
        ? await this.dataSource.query(`SELECT ${COLUMNS} FROM templates WHERE tenant_id = $1 ORDER BY name, id`, [tenantId])
        : await this.dataSource.query(
            `SELECT ${COLUMNS} FROM templates t WHERE tenant_id = $1
             AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(t.default_participants) p
                             WHERE p->>'kind' = 'contact' AND NOT (p->>'personId' = ANY($2::text[])))
           ORDER BY name, id`,
            [tenantId, scope.companyContactIds],
          );
    return rows.map(toView);
  }

  async get(
    tenantId: string,
    templateId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<TemplateView | null> {
    const rows: TemplateRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM templates WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [tenantId, templateId],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  async save(manager: EntityManager, tenantId: string, template: TemplateRecord): Promise<void> {
    await manager.query(
      `INSERT INTO templates (id, tenant_id, name, workflow_id, initial_status_id, default_participants) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, workflow_id = EXCLUDED.workflow_id,
         initial_status_id = EXCLUDED.initial_status_id, default_participants = EXCLUDED.default_participants, updated_at = now()
       WHERE templates.tenant_id = EXCLUDED.tenant_id`,
      [template.id, tenantId, template.name, template.workflowId, template.initialStatusId, JSON.stringify(template.defaultParticipants)],
    );
  }
}
