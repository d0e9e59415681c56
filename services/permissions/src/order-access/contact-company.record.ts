import type { EntityManager } from 'typeorm';
import type { PolicyChange } from '@warden/contracts';
import type { PolicyVersions } from '../policy/policy-versions';
import type { OrderVisibilityRepository } from './order-visibility.repository';

/**
 * Records which company a contact belongs to, from the directory's contact snapshots (and from the portal
 * grant, so a new client finds its projects at its first sign-in). When the company changes, the
 * contact sees other projects, and the contacts of both companies other templates (those naming
 * it): their decisions go, in the same transaction. Returns the policy change when the company changed, else null.
 */
export async function placeContact(
  manager: EntityManager,
  { visibility, policy }: { visibility: OrderVisibilityRepository; policy: PolicyVersions },
  tenantId: string,
  contactId: string,
  companyId: string | null,
  at: string,
): Promise<PolicyChange | null> {
  const id = contactId.toLowerCase();
  const company = companyId?.toLowerCase() ?? null;
  // The portal grant writes the same row by call while the contact's events arrive: queue, do not deadlock.
  await policy.serialize(manager, tenantId);
  const changed = await visibility.placeContact(manager, tenantId, id, company, at);
  if (!changed) return null;
  const companies = [changed.before, company].filter((value): value is string => value !== null);
  const colleagues = (await Promise.all(companies.map((each) => visibility.contactsOf(tenantId, each, manager)))).flat();
  return policy.bump(manager, tenantId, [id, ...colleagues], 'contact.company');
}
