import type { EntityManager } from 'typeorm';
import type { GroupRef, PolicyChange } from '@warden/contracts';
import { announceMembership } from '../groups/memberships.record';
import type { MembershipWriters } from '../groups/memberships.record';

export interface PortalMembership {
  groups: GroupRef[];
  policy: PolicyChange;
}

/*
 * Portal contacts and the tenant's Client group. A contact with portal access is a member (that is
 * where its `auth.login` comes from, so barring the Client group locks every client out); a revoked
 * contact leaves it, so an access token it still holds stops working at once. Only the Client group
 * is touched — other groups an administrator gave the contact stay. Both changes are idempotent:
 * each is reached by the gateway's synchronous call (grant-portal.handler.ts, revoke-portal.handler.ts)
 * and again by identity's event (contact-access.consumer.ts).
 */

/** Puts the contact into the Client group (the tenant's default groups first, when it lacks them). */
export async function grantPortal(
  manager: EntityManager,
  writers: MembershipWriters,
  tenantId: string,
  personId: string,
): Promise<PortalMembership> {
  const { groups, persons, events } = writers;
  await groups.ensureDefaultGroups(manager, tenantId);
  const newcomer = await persons.ensure(manager, tenantId, personId, 'contact');
  const clients = (await groups.findBySystemKey(manager, tenantId, 'client', true))!;
  const added = await groups.addMembers(manager, tenantId, clients.id, [personId]);
  await announceMembership(events, manager, tenantId, clients, added, []);
  return answer(manager, writers, tenantId, personId, newcomer || added.length > 0);
}

/** Takes the contact out of the Client group. */
export async function revokePortal(
  manager: EntityManager,
  writers: MembershipWriters,
  tenantId: string,
  personId: string,
): Promise<PortalMembership> {
  const { groups, events } = writers;
  const clients = await groups.findBySystemKey(manager, tenantId, 'client', true);
  const removed = clients ? await groups.removeMembers(manager, tenantId, clients.id, [personId]) : [];
  if (clients) await announceMembership(events, manager, tenantId, clients, [], removed);
  return answer(manager, writers, tenantId, personId, removed.length > 0);
}

/** A repeated call (the event after the RPC) changes nothing and announces nothing. */
async function answer(
  manager: EntityManager,
  { groups, policy }: MembershipWriters,
  tenantId: string,
  personId: string,
  changed: boolean,
): Promise<PortalMembership> {
  const change = changed
    ? await policy.bump(manager, tenantId, [personId], 'person.portal-access')
    : { policyVersion: await policy.current(manager, tenantId), affectedPersonIds: [] };
  return { groups: (await groups.groupsOf(manager, tenantId, [personId]))[personId] ?? [], policy: change };
}
