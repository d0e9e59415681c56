import { Injectable } from '@nestjs/common';
import { BusClient } from '@warden/messaging';
import type { ContactView, RequestContext } from '@warden/contracts';
import { AccessService } from '../access/access.service';

/**
 * A contact's portal login across the three services: directory (which asks identity for the login
 * and records it), then permissions (the Client group, where the contact's `auth.login` comes from).
 * Permissions is called here for read-your-writes — the contact can sign in as soon as this answers —
 * and would get there anyway from identity's access-granted/-revoked event if this call failed;
 * repeating the request is safe, every step is idempotent.
 */
@Injectable()
export class PortalAccessFacade {
  constructor(
    private readonly bus: BusClient,
    private readonly access: AccessService,
  ) {}

  async grant(ctx: RequestContext, contactId: string, password: string): Promise<ContactView> {
    const contact = await this.bus.request('directory.contacts.portal-access', ctx, { contactId, password });
    const company = { companyId: contact.companyId, at: contact.updatedAt };
    const membership = await this.bus.request('permissions.contacts.grant-portal', ctx, { personId: contact.id, company });
    await this.access.applied(ctx.tenantId, membership.policy);
    return contact;
  }

  async revoke(ctx: RequestContext, contactId: string): Promise<ContactView> {
    const contact = await this.bus.request('directory.contacts.portal-access.revoke', ctx, { contactId });
    const membership = await this.bus.request('permissions.contacts.revoke-portal', ctx, { personId: contact.id });
    // The contact's cached "allowed" decisions must go even when the membership was already gone.
    await this.access.applied(
      ctx.tenantId,
      { policyVersion: membership.policy.policyVersion, affectedPersonIds: [contact.id] },
      membership.policy,
    );
    return contact;
  }
}
