import type { EntityManager } from 'typeorm';
import type { GroupView, PolicyChange } from '@warden/contracts';
import { announceMembership } from '../groups/memberships.record';
import type { MembershipWriters } from '../groups/memberships.record';

export interface TenantProvisioned {
  groups: GroupView[];
  policy: PolicyChange;
}

/**
 * A new tenant's default groups and its first administrator. Reached twice for every tenant — the
 * gateway's call right after creating it (provision-tenant.handler.ts) and identity's `tenant.created`
 * event (identity-events.consumer.ts) — so it is idempotent: the second run finds everything in place
 * and changes nothing.
 */
export async function provisionTenant(
  manager: EntityManager,
  { groups, persons, policy, events }: MembershipWriters,
  tenantId: string,
  administratorId: string,
): Promise<TenantProvisioned> {
  await policy.serialize(manager, tenantId);
  const createdGroups = await groups.ensureDefaultGroups(manager, tenantId);
  const newcomer = await persons.ensure(manager, tenantId, administratorId, 'employee');
  const administrators = (await groups.findBySystemKey(manager, tenantId, 'administrator'))!;
  const added = await groups.addMembers(manager, tenantId, administrators.id, [administratorId]);
  await announceMembership(events, manager, tenantId, administrators, added, []);
  const change =
    createdGroups || newcomer || added.length > 0
      ? await policy.bump(manager, tenantId, [administratorId], 'tenant.provisioned')
      : { policyVersion: await policy.current(manager, tenantId), affectedPersonIds: [] };
  return { groups: await groups.list(manager, tenantId), policy: change };
}
