import { uniqueSlug } from '@warden/testing';
import type { Stack } from './support/stack';

export const PASSWORD = 'correct-horse-battery';

export interface TenantFixture {
  tenantId: string;
  slug: string;
  adminId: string;
  adminEmail: string;
  adminToken: string;
  adminRefresh: string;
}

/** A fresh tenant with its administrator signed in: every test gets its own, so tests never see each other. */
export async function createTenant(stack: Stack, prefix = 'st'): Promise<TenantFixture> {
  const slug = uniqueSlug(prefix);
  const adminEmail = `admin@${slug}.test`;
  const created = await stack.http.post('/api/v1/tenants', {
    slug,
    name: `Tenant ${slug}`,
    administrator: { lastName: 'Admin', firstName: 'Alice', email: adminEmail, password: PASSWORD },
  });
  if (created.status !== 201) throw new Error(`tenant creation failed: ${created.status} ${JSON.stringify(created.body)}`);
  const login = await stack.http.post('/api/v1/auth/login', { tenant: slug, email: adminEmail, password: PASSWORD });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return {
    tenantId: created.body.tenant.id,
    slug,
    adminId: created.body.administrator.id,
    adminEmail,
    adminToken: login.body.accessToken,
    adminRefresh: login.body.refreshToken,
  };
}

export async function createEmployee(
  stack: Stack,
  tenant: TenantFixture,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; email: string; body: any }> {
  const email = `emp-${Math.random().toString(36).slice(2, 8)}@${tenant.slug}.test`;
  const response = await stack.http.post(
    '/api/v1/staff',
    { lastName: 'Petrov', firstName: 'Ivan', email, password: PASSWORD, ...overrides },
    tenant.adminToken,
  );
  if (response.status !== 201) throw new Error(`employee creation failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: response.body.id, email: response.body.email, body: response.body };
}

export async function login(stack: Stack, tenant: TenantFixture, email: string, password = PASSWORD) {
  return stack.http.post('/api/v1/auth/login', { tenant: tenant.slug, email, password });
}
