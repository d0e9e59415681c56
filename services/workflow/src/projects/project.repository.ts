import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { PersonKind, ProjectScope, ProjectView } from '@warden/contracts';

interface ProjectRow {
  id: string;
  name: string;
  counterparty_company_id: string | null;
  default_auditors: Array<{ personId: string; kind: PersonKind }>;
  created_at: Date;
  updated_at: Date;
}

export interface ProjectRecord {
  id: string;
  name: string;
  counterpartyCompanyId: string | null;
  defaultAuditors: Array<{ personId: string; kind: PersonKind }>;
}

const COLUMNS = 'id, name, counterparty_company_id, default_auditors, created_at, updated_at';

function toView(row: ProjectRow): ProjectView {
  return {
    id: row.id,
    name: row.name,
    counterpartyCompanyId: row.counterparty_company_id,
    defaultAuditors: row.default_auditors,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Projects of one tenant; every query is scoped by the tenant id it is given. */
@Injectable()
export class ProjectRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The projects the scope lets see: a contact's company's, or those naming it a default auditor. */
  async list(tenantId: string, scope: ProjectScope): Promise<ProjectView[]> {
    const rows: ProjectRow[] =
      scope.contactId === null
        ? await this.dataSource.query(`SELECT ${COLUMNS} FROM projects WHERE tenant_id = $1 ORDER BY name, id`, [tenantId])
        : await this.dataSource.query(
            `SELECT ${COLUMNS} FROM projects WHERE tenant_id = $1
             AND (counterparty_company_id = $2 OR default_auditors @> jsonb_build_array(jsonb_build_object('personId', $3::text)))
           ORDER BY name, id`,
            [tenantId, scope.companyId, scope.contactId],
          );
    return rows.map(toView);
  }

  async get(
    tenantId: string,
    projectId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ProjectView | null> {
    const rows: ProjectRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM projects WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [tenantId, projectId],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  async insert(manager: EntityManager, tenantId: string, project: ProjectRecord): Promise<void> {
    await manager.query(
      'INSERT INTO projects (id, tenant_id, name, counterparty_company_id, default_auditors) VALUES ($1, $2, $3, $4, $5)',
      [project.id, tenantId, project.name, project.counterpartyCompanyId, JSON.stringify(project.defaultAuditors)],
    );
  }

  async update(manager: EntityManager, tenantId: string, project: ProjectRecord): Promise<void> {
    await manager.query(
      `UPDATE projects SET name = $3, counterparty_company_id = $4, default_auditors = $5, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, project.id, project.name, project.counterpartyCompanyId, JSON.stringify(project.defaultAuditors)],
    );
  }
}
