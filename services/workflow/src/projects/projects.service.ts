import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, newId } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { ProjectChanges, ProjectInput, ProjectScope, ProjectView, RequestContext } from '@warden/contracts';
import { PeopleDirectory } from '../people/people.directory';
import { CompaniesRepository } from './companies.repository';
import { ProjectErrors } from './project.errors';
import { ProjectRepository } from './project.repository';
import type { ProjectRecord } from './project.repository';

/**
 * Projects: a counterparty (a directory company) and default auditors (employees and contacts)
 * that every task created in the project gets.
 */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectRepository,
    private readonly companies: CompaniesRepository,
    private readonly people: PeopleDirectory,
    private readonly bus: BusClient,
  ) {}

  list(tenantId: string, scope: ProjectScope): Promise<ProjectView[]> {
    return this.projects.list(tenantId, scope);
  }

  async get(tenantId: string, projectId: string): Promise<ProjectView> {
    const project = await this.projects.get(tenantId, projectId);
    if (!project) throw ProjectErrors.notFound();
    return project;
  }

  async create(ctx: RequestContext, input: ProjectInput): Promise<ProjectView> {
    const record = await this.record(ctx, newId(), input);
    return this.dataSource.transaction(async (tx) => {
      await this.projects.insert(tx, ctx.tenantId, record);
      return (await this.projects.get(ctx.tenantId, record.id, tx))!;
    });
  }

  async update(ctx: RequestContext, projectId: string, changes: ProjectChanges): Promise<ProjectView> {
    const current = await this.get(ctx.tenantId, projectId);
    const record = await this.record(
      ctx,
      current.id,
      {
        name: changes.name ?? current.name,
        counterpartyCompanyId: changes.counterpartyCompanyId !== undefined ? changes.counterpartyCompanyId : current.counterpartyCompanyId,
        defaultAuditorIds: changes.defaultAuditorIds ?? current.defaultAuditors.map((auditor) => auditor.personId),
      },
      changes.counterpartyCompanyId !== undefined,
    );
    return this.dataSource.transaction(async (tx) => {
      if (!(await this.projects.get(ctx.tenantId, current.id, tx, true))) throw ProjectErrors.notFound();
      await this.projects.update(tx, ctx.tenantId, record);
      return (await this.projects.get(ctx.tenantId, record.id, tx))!;
    });
  }

  private async record(ctx: RequestContext, id: string, input: ProjectInput, checkCompany = true): Promise<ProjectRecord> {
    if (!input.name) throw ProjectErrors.nameRequired();
    const companyId = input.counterpartyCompanyId ?? null;
    if (companyId && checkCompany) await this.requireCompany(ctx, companyId);
    const auditorIds = [...new Set(input.defaultAuditorIds ?? [])];
    const kinds = await this.people.kinds(
      ctx,
      (input.defaultAuditorIds ?? []).map((personId, index) => ({ personId, field: `defaultAuditorIds.${index}` })),
    );
    return {
      id,
      name: input.name,
      counterpartyCompanyId: companyId,
      defaultAuditors: auditorIds.map((personId) => ({ personId, kind: kinds.get(personId)! })),
    };
  }

  /**
   * The directory's companies reach us as events; a company created a moment ago may not have
   * arrived yet, so the directory is asked once before refusing.
   */
  private async requireCompany(ctx: RequestContext, companyId: string): Promise<void> {
    if (await this.companies.exists(this.dataSource.manager, ctx.tenantId, companyId)) return;
    try {
      const company = await this.bus.request('directory.companies.get', ctx, { companyId });
      await this.companies.upsert(this.dataSource.manager, ctx.tenantId, company.id, company.name, new Date(company.updatedAt));
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'not_found' || error.kind === 'validation')) throw ProjectErrors.unknownCompany();
      throw error;
    }
  }
}
