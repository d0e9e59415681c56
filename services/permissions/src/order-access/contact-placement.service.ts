import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PolicyChange } from '@warden/contracts';
import { PolicyVersions } from '../policy/policy-versions';
import { OrderVisibilityRepository } from './order-visibility.repository';

/**
 * Which company a contact belongs to, from the directory's contact snapshots (and from the portal
 * grant, so a new client finds its projects at its first sign-in). When the company changes, the
 * contact sees other projects, and the contacts of both companies other templates (those naming
 * it): their decisions go, in the same transaction.
 */
@Injectable()
export class ContactPlacement {
  constructor(
    private readonly repository: OrderVisibilityRepository,
    private readonly policy: PolicyVersions,
  ) {}

  /** Returns the policy change when the company changed, else null. */
  async place(
    manager: EntityManager,
    tenantId: string,
    contactId: string,
    companyId: string | null,
    at: string,
  ): Promise<PolicyChange | null> {
    const id = contactId.toLowerCase();
    const company = companyId?.toLowerCase() ?? null;
    // The portal grant writes the same row by call while the contact's events arrive: queue, do not deadlock.
    await this.policy.serialize(manager, tenantId);
    const changed = await this.repository.placeContact(manager, tenantId, id, company, at);
    if (!changed) return null;
    const companies = [changed.before, company].filter((value): value is string => value !== null);
    const colleagues = (await Promise.all(companies.map((each) => this.repository.contactsOf(tenantId, each, manager)))).flat();
    return this.policy.bump(manager, tenantId, [id, ...colleagues], 'contact.company');
  }
}
