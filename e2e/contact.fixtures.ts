import type { Stack } from './support/stack';
import { login, PASSWORD } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

export interface PortalContactFixture {
  /** The directory contact id, which is also its identity person id (orders' client, task participant, inquiry author). */
  id: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
  /** The contact as the directory answered it after the grant. */
  body: any;
}

/**
 * A client contact of the tenant with a portal login, signed in: for tests that act as a client.
 * `fields` go to POST /api/v1/contacts (e.g. `{ companyId }`); the administrator creates and grants.
 */
export async function createPortalContact(
  stack: Stack,
  tenant: TenantFixture,
  fields: Record<string, unknown> = {},
  password = PASSWORD,
): Promise<PortalContactFixture> {
  const email = `client-${Math.random().toString(36).slice(2, 10)}@${tenant.slug}.test`;
  const created = await stack.http.post('/api/v1/contacts', { lastName: 'Client', firstName: 'Carl', email, ...fields }, tenant.adminToken);
  if (created.status !== 201) throw new Error(`contact creation failed: ${created.status} ${JSON.stringify(created.body)}`);
  const granted = await stack.http.post(`/api/v1/contacts/${created.body.id}/portal-access`, { password }, tenant.adminToken);
  if (granted.status !== 200) throw new Error(`portal access failed: ${granted.status} ${JSON.stringify(granted.body)}`);
  const signedIn = await login(stack, tenant, created.body.email, password);
  if (signedIn.status !== 200) throw new Error(`contact login failed: ${signedIn.status} ${JSON.stringify(signedIn.body)}`);
  return {
    id: created.body.id,
    email: created.body.email,
    password,
    token: signedIn.body.accessToken,
    refreshToken: signedIn.body.refreshToken,
    body: granted.body,
  };
}
