import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { decodeCursor, newId, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { AuditRecorder, OutboxWriter } from '@warden/messaging';
import { isUniqueViolation } from '@warden/persistence';
import type { CompanyChanges, CompanyInput, CompanyView, ListCompaniesData, OutgoingEvent, RequestContext } from '@warden/contracts';
import { EmployeeCheck } from '../employees/employee.check';
import { likePattern, unique } from '../shared/text';
import { CompanyErrors } from './company.errors';
import { clientManagersChanged, companyCreated, companyUpdated } from './company.events';
import { CompanyRepository } from './company.repository';

@Injectable()
export class CompaniesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompanyRepository,
    private readonly employees: EmployeeCheck,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditRecorder,
  ) {}

  async list(tenantId: string, data: ListCompaniesData): Promise<Page<CompanyView>> {
    const after = decodeCursor(data.cursor);
    const search = data.search ? likePattern(data.search) : undefined;
    const rows = await this.companies.page(this.dataSource.manager, tenantId, { search, after, limit: data.limit });
    const page = toPage(rows, data.limit, (row) => ({ key: row.sortName, id: row.id }));
    return { ...page, items: page.items.map(({ sortName: _sortName, ...view }) => view) };
  }

  async get(tenantId: string, companyId: string): Promise<CompanyView> {
    const company = await this.companies.find(this.dataSource.manager, tenantId, companyId);
    if (!company) throw CompanyErrors.notFound();
    return company;
  }

  async create(ctx: RequestContext, input: CompanyInput): Promise<CompanyView> {
    const managers = unique(input.clientManagerIds ?? []);
    const id = newId();
    await this.requireManagers(ctx, id, managers);
    return this.write(async (manager) => {
      await this.companies.insert(manager, ctx.tenantId, id, input.name, input.taxId ?? null);
      await this.companies.setManagers(manager, ctx.tenantId, id, managers);
      const company = (await this.companies.find(manager, ctx.tenantId, id))!;
      await this.publish(manager, companyCreated(ctx.tenantId, company), clientManagersChanged(ctx.tenantId, [], company));
      return company;
    });
  }

  async update(ctx: RequestContext, companyId: string, changes: CompanyChanges): Promise<CompanyView> {
    const managers = changes.clientManagerIds === undefined ? undefined : unique(changes.clientManagerIds);
    if (managers) await this.requireManagers(ctx, companyId, managers);
    return this.write(async (manager) => {
      const before = await this.companies.find(manager, ctx.tenantId, companyId, true);
      if (!before) throw CompanyErrors.notFound();
      const taxId = changes.taxId === undefined ? before.taxId : changes.taxId;
      await this.companies.update(manager, ctx.tenantId, companyId, changes.name ?? before.name, taxId);
      if (managers) await this.companies.setManagers(manager, ctx.tenantId, companyId, managers);
      const after = (await this.companies.find(manager, ctx.tenantId, companyId))!;
      await this.publish(manager, companyUpdated(ctx.tenantId, after), clientManagersChanged(ctx.tenantId, before.clientManagerIds, after));
      // Who sees all of the company's items is an administrative setting; its name and tax id are not.
      const managersOf = (company: CompanyView) => ({ clientManagerIds: [...company.clientManagerIds].sort() });
      await this.audit.record(manager, ctx.tenantId, { action: 'company.client-managers.updated', resource: { type: 'company', id: companyId }, before: managersOf(before), after: managersOf(after) });
      return after;
    });
  }

  setClientManagers(ctx: RequestContext, companyId: string, personIds: string[]): Promise<CompanyView> {
    return this.update(ctx, companyId, { clientManagerIds: personIds });
  }

  /**
   * A client manager is a contact of the company (it sees the company's tickets through the portal)
   * or an employee (an account manager). A contact of another company, or of none, is refused.
   */
  private async requireManagers(ctx: RequestContext, companyId: string, managers: string[]): Promise<void> {
    const contacts = await this.companies.contactCompanies(this.dataSource.manager, ctx.tenantId, managers);
    if ([...contacts.values()].some((contactCompany) => contactCompany !== companyId)) throw CompanyErrors.managerOfOtherCompany('clientManagerIds');
    await this.employees.requireEmployees(ctx, managers.filter((id) => !contacts.has(id)), 'clientManagerIds');
  }

  private async publish(manager: EntityManager, ...events: Array<OutgoingEvent<object> | null>): Promise<void> {
    await this.outbox.add(manager, ...events.filter((event): event is OutgoingEvent<object> => event !== null));
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'companies_tax_id_key')) throw CompanyErrors.taxIdTaken();
      throw error;
    }
  }
}
