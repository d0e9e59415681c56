import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { ContactChanges, ContactView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { clientManagersChanged, companyUpdated } from '../companies/company.events';
import { CompanyRepository } from '../companies/company.repository';
import { happened } from '../shared/events';
import { ContactReferencesCheck } from './contact-references.check';
import { ContactErrors } from './contact.errors';
import { contactUpdated } from './contact.events';
import { contactRecord, writeContact } from './contact.record';
import { ContactRepository } from './contact.repository';
import type { ContactRecord } from './contact.repository';
import { PortalLoginClient } from './portal-login.client';

export class UpdateContactCommand extends Command<ContactView> {
  constructor(
    readonly ctx: RequestContext,
    readonly contactId: string,
    readonly changes: ContactChanges,
  ) {
    super();
  }
}

/** A contact card's change; a contact with a portal login has it kept in step first (portal-login.client.ts). */
@CommandHandler(UpdateContactCommand)
export class UpdateContactHandler implements ICommandHandler<UpdateContactCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactRepository,
    private readonly companies: CompanyRepository,
    private readonly references: ContactReferencesCheck,
    private readonly logins: PortalLoginClient,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, contactId, changes }: UpdateContactCommand): Promise<ContactView> {
    const current = await this.contacts.find(this.dataSource.manager, ctx.tenantId, contactId);
    if (!current) throw ContactErrors.notFound();
    const record = contactRecord(contactId, { ...current, ...changes }, current);
    await this.references.require(ctx, record, changes);
    const { loginRevoked } = await this.keepLoginInStep(ctx, current, record);
    return writeContact(this.dataSource.manager, async (manager) => {
      if (!(await this.contacts.find(manager, ctx.tenantId, contactId, true))) throw ContactErrors.notFound();
      let contact = await this.contacts.update(manager, ctx.tenantId, record);
      if (loginRevoked) contact = await this.contacts.setPortalPerson(manager, ctx.tenantId, contactId, null);
      await this.events.publish(contactUpdated(ctx.tenantId, contact), manager);
      if (current.companyId && current.companyId !== contact.companyId)
        await this.leaveClientManagers(manager, ctx.tenantId, current.companyId, contactId);
      return contact;
    });
  }

  /**
   * Before a contact card with a login changes (identity first, as for granting and revoking): blocking the
   * contact takes its login away; a new email, name or phone is carried over to the login. Returns whether the
   * login was taken away (the card must then say so).
   */
  private async keepLoginInStep(ctx: RequestContext, current: ContactView, next: ContactRecord): Promise<{ loginRevoked: boolean }> {
    if (!current.portalPersonId) return { loginRevoked: false };
    if (next.status === 'blocked') {
      await this.logins.revoke(ctx, current.id);
      return { loginRevoked: true };
    }
    const loginFieldsChanged =
      current.email !== next.email ||
      current.lastName !== next.lastName ||
      current.firstName !== next.firstName ||
      current.middleName !== next.middleName ||
      current.phone !== next.phone;
    if (loginFieldsChanged) {
      // The directory's own uniqueness first: identity must not take an email this write would then refuse.
      const holder = await this.contacts.findByEmail(this.dataSource.manager, ctx.tenantId, next.email);
      if (holder && holder.id !== current.id) throw ContactErrors.emailTaken();
      await this.logins.update(ctx, current.id, next);
    }
    return { loginRevoked: false };
  }

  /** A client manager that is a contact manages only its own company: moving elsewhere ends the role there. */
  private async leaveClientManagers(manager: EntityManager, tenantId: string, companyId: string, contactId: string): Promise<void> {
    const before = await this.companies.find(manager, tenantId, companyId, true);
    if (!before?.clientManagerIds.includes(contactId)) return;
    await this.companies.setManagers(
      manager,
      tenantId,
      companyId,
      before.clientManagerIds.filter((id) => id !== contactId),
    );
    await this.companies.update(manager, tenantId, companyId, before.name, before.taxId);
    const after = (await this.companies.find(manager, tenantId, companyId))!;
    await this.events.publishAll(
      happened(companyUpdated(tenantId, after), clientManagersChanged(tenantId, before.clientManagerIds, after)),
      manager,
    );
  }
}
