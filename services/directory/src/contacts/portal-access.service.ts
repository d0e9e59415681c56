import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@warden/kernel';
import { BusClient, OutboxWriter } from '@warden/messaging';
import type { ContactView, RequestContext } from '@warden/contracts';
import { ContactErrors } from './contact.errors';
import { contactUpdated } from './contact.events';
import { ContactRepository } from './contact.repository';
import type { ContactRecord } from './contact.repository';

/**
 * Client-portal logins. Identity holds the login (a person of kind `contact` whose id is the contact
 * id); this service records that the contact has one. Two services cannot share a transaction, so
 * the order is what keeps the pair consistent: identity is called first and is idempotent on the
 * contact id, then the directory row is written (with its event) in one transaction. If identity
 * refuses, nothing was written anywhere; if the directory write fails after identity said yes, the
 * caller gets the error and a retry of the same request repeats the (idempotent) grant and converges.
 * Revocation has the same order, so a contact is never shown as `none` while its login still works.
 */
@Injectable()
export class PortalAccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactRepository,
    private readonly outbox: OutboxWriter,
    private readonly bus: BusClient,
  ) {}

  /** Gives the contact a login with this password; repeating it sets a new password. */
  async grant(ctx: RequestContext, contactId: string, password: string): Promise<ContactView> {
    const contact = await this.find(ctx.tenantId, contactId);
    if (contact.emailIsPlaceholder) throw ContactErrors.placeholderEmail();
    if (contact.status === 'blocked') throw ContactErrors.blocked();
    await this.bus.request('identity.contacts.grant-access', ctx, {
      contactId: contact.id,
      email: contact.email,
      lastName: contact.lastName,
      firstName: contact.firstName,
      middleName: contact.middleName,
      phone: contact.phone,
      password,
    });
    return this.record(ctx.tenantId, contact.id, contact.id);
  }

  /** Takes the login away; a contact without one answers as it is. */
  async revoke(ctx: RequestContext, contactId: string): Promise<ContactView> {
    const contact = await this.find(ctx.tenantId, contactId);
    await this.revokeLogin(ctx, contact.id);
    return this.record(ctx.tenantId, contact.id, null);
  }

  /**
   * Before a contact card with a login changes (same order as grant and revoke: identity first): blocking the
   * contact takes its login away; a new email, name or phone is carried over to the login, so the client signs in
   * with the email its card shows. Returns whether the login was taken away (the card must then say so).
   */
  async beforeUpdate(ctx: RequestContext, current: ContactView, next: ContactRecord): Promise<{ loginRevoked: boolean }> {
    if (!current.portalPersonId) return { loginRevoked: false };
    if (next.status === 'blocked') {
      await this.revokeLogin(ctx, current.id);
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
      try {
        await this.bus.request('identity.contacts.update-login', ctx, {
          contactId: current.id,
          email: next.email,
          lastName: next.lastName,
          firstName: next.firstName,
          middleName: next.middleName,
          phone: next.phone,
        });
      } catch (error) {
        // No login there after all: nothing to keep in step; the card is still updated.
        if (!(error instanceof DomainError && error.kind === 'not_found')) throw error;
      }
    }
    return { loginRevoked: false };
  }

  private async revokeLogin(ctx: RequestContext, contactId: string): Promise<void> {
    try {
      await this.bus.request('identity.contacts.revoke-access', ctx, { contactId });
    } catch (error) {
      // Identity never had a login for it: nothing to take away there, the directory side still converges.
      if (!(error instanceof DomainError && error.kind === 'not_found')) throw error;
    }
  }

  private async find(tenantId: string, contactId: string): Promise<ContactView> {
    const contact = await this.contacts.find(this.dataSource.manager, tenantId, contactId);
    if (!contact) throw ContactErrors.notFound();
    return contact;
  }

  /** Writes the portal person and announces the contact only when something changed. */
  private record(tenantId: string, contactId: string, personId: string | null): Promise<ContactView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.contacts.find(manager, tenantId, contactId, true);
      if (!current) throw ContactErrors.notFound();
      const target = personId ? 'granted' : 'none';
      if (current.portalPersonId === personId && current.portalAccess === target) return current;
      const contact = await this.contacts.setPortalPerson(manager, tenantId, contactId, personId);
      await this.outbox.add(manager, contactUpdated(tenantId, contact));
      return contact;
    });
  }
}
