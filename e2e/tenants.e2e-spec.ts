import { TenantCreatedV1 } from '@warden/contracts';
import { readEvents, uniqueSlug } from '@warden/testing';
import { Stack } from './support/stack';
import { PASSWORD } from './staff.fixtures';

const administrator = (slug: string) => ({ lastName: 'Admin', firstName: 'Alice', email: `admin@${slug}.test`, password: PASSWORD });

describe('tenant sign-up', () => {
  describe('open (development)', () => {
    let stack: Stack;

    beforeAll(async () => {
      stack = await Stack.start();
    });

    afterAll(async () => {
      await stack?.stop();
    });

    it('creates a tenant with its administrator in the Administrator group, and publishes the event', async () => {
      const slug = uniqueSlug('tn');
      const created = await stack.http.post('/api/v1/tenants', { slug, name: 'Acme', administrator: administrator(slug) });
      expect(created.status).toBe(201);
      expect(created.body.tenant).toMatchObject({ slug, name: 'Acme', id: expect.any(String) });
      expect(created.body.administrator).toMatchObject({ email: `admin@${slug}.test`, systemStatus: 'offline' });
      expect(created.body.administrator.groups.map((group: any) => group.name)).toEqual(['Administrator']);
      const events = await readEvents(TenantCreatedV1.type, (event) => event.tenantid === created.body.tenant.id);
      expect(events[0]!.data).toMatchObject({ slug, administratorId: created.body.administrator.id });
    });

    it('refuses a taken slug with 409 and bad input with 422 naming the fields', async () => {
      const slug = uniqueSlug('tn');
      expect((await stack.http.post('/api/v1/tenants', { slug, name: 'A', administrator: administrator(slug) })).status).toBe(201);
      const taken = await stack.http.post('/api/v1/tenants', { slug, name: 'B', administrator: administrator(`${slug}x`) });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('TENANT.SLUG_TAKEN');

      const bad = await stack.http.post('/api/v1/tenants', {
        slug: 'Bad Slug!',
        name: '',
        administrator: { lastName: 'A', email: 'nope', password: 'short' },
      });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((error: any) => error.field)).toEqual(
        expect.arrayContaining(['slug', 'name', 'administrator.firstName', 'administrator.email', 'administrator.password']),
      );
      const noAdministrator = await stack.http.post('/api/v1/tenants', { slug: uniqueSlug('tn'), name: 'C' });
      expect(noAdministrator.status).toBe(422);
      expect(noAdministrator.body.errors.map((error: any) => error.field)).toContain('administrator');
    });
  });

  describe('with a platform token (production)', () => {
    let stack: Stack;
    const token = 'platform-token-0123456789abcdef';

    beforeAll(async () => {
      stack = await Stack.start({ gateway: { TENANT_SIGNUP_TOKEN: token } });
    });

    afterAll(async () => {
      await stack?.stop();
    });

    it('requires the token', async () => {
      const slug = uniqueSlug('tp');
      const body = { slug, name: 'Acme', administrator: administrator(slug) };
      const without = await stack.http.post('/api/v1/tenants', body);
      expect(without.status).toBe(401);
      expect(without.body.code).toBe('TENANT.SIGNUP_TOKEN_INVALID');
      expect((await stack.http.post('/api/v1/tenants', body, 'wrong-token-wrong-token-000000')).status).toBe(401);
      expect((await stack.http.post('/api/v1/tenants', body, token)).status).toBe(201);
    });
  });
});
