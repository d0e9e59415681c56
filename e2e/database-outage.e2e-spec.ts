import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabaseIfMissing, withDatabase } from '@warden/infra';
import { eventually } from '@warden/testing';
import { OwnedPostgres } from './support/owned-postgres';
import { Stack } from './support/stack';
import { createOrder, createOrdersTenant } from './orders.fixtures';
import type { OrdersTenant } from './orders.fixtures';

/**
 * A PostgreSQL this test owns, stopped under a running stack: every route answers 503 with
 * Retry-After (never 500) while it is away, and the stack answers again once it is back.
 */
describe('database outage', () => {
  let directory: string;
  let postgres: OwnedPostgres | undefined;
  let stack: Stack;
  let tenant: OrdersTenant;
  let order: any;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'warden-outage-'));
    // As root, the cluster runs as the `postgres` user, which must be able to reach its directory.
    await chmod(directory, 0o755);
    postgres = new OwnedPostgres(path.join(directory, 'cluster'));
    await postgres.start();
    await createDatabaseIfMissing(postgres.url, 'warden');
    stack = await Stack.start({ serviceEnv: { DATABASE_URL: withDatabase(postgres!.url, 'warden') } });
    tenant = await createOrdersTenant(stack, 'outage');
    order = await createOrder(stack, tenant.adminToken, { title: 'Before the outage' });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await postgres?.stop();
    await rm(directory, { recursive: true, force: true });
  }, 60_000);

  it('answers 503 with Retry-After while PostgreSQL is down, then answers again once it is back', async () => {
    await postgres!.stop();
    const calls = [
      () => stack.http.get(`/api/v1/orders/${order.id}`, tenant.adminToken),
      () => stack.http.get('/api/v1/orders', tenant.adminToken),
      () => stack.http.post('/api/v1/orders', { title: 'During the outage' }, tenant.adminToken),
      () => stack.http.get('/api/v1/staff', tenant.adminToken),
      () => stack.http.post('/api/v1/auth/login', { tenant: tenant.slug, email: tenant.adminEmail, password: 'correct-horse-battery' }),
    ];
    for (const call of calls) {
      const response = await call();
      expect({ status: response.status, code: response.body?.code }).toEqual({
        status: 503,
        code: expect.stringMatching(/^(DATABASE|BUS)\./),
      });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // The first service to notice says what is missing.
    const direct = await stack.http.get(`/api/v1/orders/${order.id}`, tenant.adminToken);
    expect(direct.body.code).toBe('DATABASE.UNAVAILABLE');

    await postgres!.start();
    await eventually(
      async () => {
        const back = await stack.http.get(`/api/v1/orders/${order.id}`, tenant.adminToken);
        if (back.status !== 200) throw new Error(`still ${back.status}`);
      },
      { timeoutMs: 30_000 },
    );
    const created = await stack.http.post('/api/v1/orders', { title: 'After the outage' }, tenant.adminToken);
    expect(created.status).toBe(201);
  }, 90_000);

  it('answers 503 with Retry-After when the permissions service is away (the gateway never decides alone)', async () => {
    await stack.stopService('permissions');
    // A route this person has not used yet, so no cached decision answers for the permissions service.
    const response = await stack.http.get('/api/v1/groups', tenant.adminToken);
    expect(response.status).toBe(503);
    expect(response.body.code).toMatch(/^BUS\./);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 30_000);
});
