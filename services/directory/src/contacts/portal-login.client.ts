import { Injectable } from '@nestjs/common';
import { DomainError } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { ContactView, RequestContext } from '@warden/contracts';
import type { ContactRecord } from './contact.repository';

/**
 * Identity's side of a contact's client-portal login. Identity holds the login (a person of kind `contact`
 * whose id is the contact id); the directory records that the contact has one. Two services cannot share a
 * transaction, so the order is what keeps the pair consistent: identity is called first and is idempotent on
 * the contact id, then the directory row is written (with its event) in one transaction. If identity refuses,
 * nothing was written anywhere; if the directory write fails after identity said yes, the caller gets the
 * error and a retry of the same request repeats the (idempotent) call and converges. Revocation has the same
 * order, so a contact is never shown as `none` while its login still works.
 */
@Injectable()
export class PortalLoginClient {
  constructor(private readonly bus: BusClient) {}

  /** Gives the contact a login with this password; repeating it sets a new password. */
  async grant(ctx: RequestContext, contact: ContactView, password: string): Promise<void> {
    await this.bus.request('identity.contacts.grant-access', ctx, {
      contactId: contact.id,
      email: contact.email,
      lastName: contact.lastName,
      firstName: contact.firstName,
      middleName: contact.middleName,
      phone: contact.phone,
      password,
    });
  }

  async revoke(ctx: RequestContext, contactId: string): Promise<void> {
    try {
      await this.bus.request('identity.contacts.revoke-access', ctx, { contactId });
    } catch (error) {
      // Identity never had a login for it: nothing to take away there, the directory side still converges.
      if (!(error instanceof DomainError && error.kind === 'not_found')) throw error;
    }
  }

  /** Carries the card's email, name and phone over to the login, so the client signs in with the email its card shows. */
  async update(ctx: RequestContext, contactId: string, next: ContactRecord): Promise<void> {
    try {
      await this.bus.request('identity.contacts.update-login', ctx, {
        contactId,
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
}
