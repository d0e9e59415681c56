import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { decodeCursor, digitsOf, newId, phoneSearchDigits, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { OutboxWriter } from '@warden/messaging';
import { isForeignKeyViolation, isUniqueViolation } from '@warden/persistence';
import type { ContactChanges, ContactFields, ContactView, ListContactsData, RequestContext } from '@warden/contracts';
import { BranchErrors } from '../branches/branch.errors';
import { BranchRepository } from '../branches/branch.repository';
import { CompanyErrors } from '../companies/company.errors';
import { clientManagersChanged, companyUpdated } from '../companies/company.events';
import { CompanyRepository } from '../companies/company.repository';
import { EmployeeCheck } from '../employees/employee.check';
import { likePattern } from '../shared/text';
import { ContactErrors } from './contact.errors';
import { contactCreated, contactUpdated } from './contact.events';
import { ContactRepository } from './contact.repository';
import type { ContactRecord } from './contact.repository';
import { PortalAccessService } from './portal-access.service';

/** Contact people: the unique email per tenant is enforced by the database and answered as 409. */
@Injectable()
export class ContactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactRepository,
    private readonly companies: CompanyRepository,
    private readonly branches: BranchRepository,
    private readonly employees: EmployeeCheck,
    private readonly outbox: OutboxWriter,
    private readonly portalAccess: PortalAccessService,
  ) {}

  async list(tenantId: string, data: ListContactsData): Promise<Page<ContactView>> {
    const after = decodeCursor(data.cursor);
    const search = data.search;
    const rows = await this.contacts.page(this.dataSource.manager, tenantId, {
      searchPattern: search ? likePattern(search) : undefined,
      searchDigits: phoneSearchDigits(search),
      namePattern: data.name ? likePattern(data.name) : undefined,
      emailPattern: data.email ? likePattern(data.email) : undefined,
      phoneDigits: digitsOf(data.phone) || undefined,
      companyId: data.companyId,
      status: data.status,
      branchId: data.branchId,
      responsibleEmployeeId: data.responsibleEmployeeId,
      notifications: data.notifications,
      after,
      limit: data.limit,
    });
    const page = toPage(rows, data.limit, (row) => ({ key: row.sortName, id: row.id }));
    return { ...page, items: page.items.map(({ sortName: _sortName, ...view }) => view) };
  }

  async get(tenantId: string, contactId: string): Promise<ContactView> {
    const contact = await this.contacts.find(this.dataSource.manager, tenantId, contactId);
    if (!contact) throw ContactErrors.notFound();
    return contact;
  }

  async create(ctx: RequestContext, fields: ContactFields): Promise<ContactView> {
    const record = this.toRecord(newId(), fields, null);
    await this.checkReferences(ctx, record);
    return this.write(async (manager) => {
      const contact = await this.contacts.insert(manager, ctx.tenantId, record);
      await this.outbox.add(manager, contactCreated(ctx.tenantId, contact));
      return contact;
    });
  }

  async update(ctx: RequestContext, contactId: string, changes: ContactChanges): Promise<ContactView> {
    const current = await this.get(ctx.tenantId, contactId);
    const record = this.toRecord(contactId, { ...current, ...changes }, current);
    await this.checkReferences(ctx, record, changes);
    const { loginRevoked } = await this.portalAccess.beforeUpdate(ctx, current, record);
    return this.write(async (manager) => {
      if (!(await this.contacts.find(manager, ctx.tenantId, contactId, true))) throw ContactErrors.notFound();
      let contact = await this.contacts.update(manager, ctx.tenantId, record);
      if (loginRevoked) contact = await this.contacts.setPortalPerson(manager, ctx.tenantId, contactId, null);
      await this.outbox.add(manager, contactUpdated(ctx.tenantId, contact));
      if (current.companyId && current.companyId !== contact.companyId) await this.leaveClientManagers(manager, ctx.tenantId, current.companyId, contactId);
      return contact;
    });
  }

  /** A client manager that is a contact manages only its own company: moving elsewhere ends the role there. */
  private async leaveClientManagers(manager: EntityManager, tenantId: string, companyId: string, contactId: string): Promise<void> {
    const before = await this.companies.find(manager, tenantId, companyId, true);
    if (!before?.clientManagerIds.includes(contactId)) return;
    await this.companies.setManagers(manager, tenantId, companyId, before.clientManagerIds.filter((id) => id !== contactId));
    await this.companies.update(manager, tenantId, companyId, before.name, before.taxId);
    const after = (await this.companies.find(manager, tenantId, companyId))!;
    const changed = clientManagersChanged(tenantId, before.clientManagerIds, after);
    await this.outbox.add(manager, companyUpdated(tenantId, after));
    if (changed) await this.outbox.add(manager, changed);
  }

  /** In the caller's transaction (inbound messages): creates a contact, publishing its event. */
  async insertWithin(manager: EntityManager, tenantId: string, record: ContactRecord): Promise<ContactView> {
    const contact = await this.contacts.insert(manager, tenantId, record);
    await this.outbox.add(manager, contactCreated(tenantId, contact));
    return contact;
  }

  /** The row of a contact with these fields (a new contact's, or the current one's with the changes applied). */
  private toRecord(id: string, fields: ContactFields, current: ContactView | null): ContactRecord {
    const email = fields.email;
    return {
      id,
      lastName: fields.lastName,
      firstName: fields.firstName,
      middleName: fields.middleName ?? null,
      email,
      // A placeholder stays one only while nobody replaces the generated address.
      emailIsPlaceholder: current !== null && current.emailIsPlaceholder && current.email.toLowerCase() === email.toLowerCase(),
      phone: fields.phone ?? null,
      messengerIds: fields.messengerIds ?? {},
      companyId: fields.companyId ?? null,
      status: fields.status ?? 'active',
      notifications: fields.notifications ?? true,
      responsibleEmployeeId: fields.responsibleEmployeeId ?? null,
      branchId: fields.branchId ?? null,
    };
  }

  /** Other-tenant or unknown ids are refused naming the field; on update only the fields being changed are checked. */
  private async checkReferences(ctx: RequestContext, record: ContactRecord, changes?: ContactChanges): Promise<void> {
    const manager = this.dataSource.manager;
    const changed = (field: keyof ContactFields): boolean => changes === undefined || changes[field] !== undefined;
    if (record.companyId && changed('companyId') && !(await this.companies.exists(manager, ctx.tenantId, record.companyId))) {
      throw CompanyErrors.unknown('companyId');
    }
    if (record.branchId && changed('branchId') && !(await this.branches.existing(manager, ctx.tenantId, [record.branchId])).has(record.branchId)) {
      throw BranchErrors.unknown('branchId');
    }
    if (record.responsibleEmployeeId && changed('responsibleEmployeeId')) {
      await this.employees.requireEmployees(ctx, [record.responsibleEmployeeId], 'responsibleEmployeeId');
    }
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'contacts_email_key')) throw ContactErrors.emailTaken();
      // The branch was deleted between the check and the write.
      if (isForeignKeyViolation(error)) throw BranchErrors.unknown('branchId');
      throw error;
    }
  }
}
