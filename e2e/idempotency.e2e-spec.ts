import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createGatewayApp } from '@warden/gateway';
import { HttpClient, testEnv } from '@warden/testing';
import { WORKFLOW_SERVICE } from '@warden/workflow';
import { gatewayEnv, Stack } from './support/stack';
import { admin, createOrder, createOrdersTenant, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

/** The Idempotency-Key header as a client that retries uses it, through the gateway over HTTP. */
describe('Idempotency-Key', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let boss: Person;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'idem');
    boss = admin(tenant);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const post = (path: string, body: unknown, token: string, key?: string) =>
    stack.http.post(path, body, token, key === undefined ? undefined : { 'idempotency-key': key });

  async function orderCount(): Promise<number> {
    return (await stack.http.get('/api/v1/orders?limit=1', boss.token)).body.total;
  }

  it('replays the first answer (status, body, ETag) for the same key and body, without creating a second order', async () => {
    const key = randomUUID();
    const before = await orderCount();
    const first = await post('/api/v1/orders', { title: 'Replayed' }, boss.token, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await post('/api/v1/orders', { title: 'Replayed' }, boss.token, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    // The draft's structured-field form of the same key is the same key.
    const quoted = await post('/api/v1/orders', { title: 'Replayed' }, boss.token, `"${key}"`);
    expect(quoted.status).toBe(201);
    expect(quoted.body.id).toBe(first.body.id);
    expect(await orderCount()).toBe(before + 1);
  });

  it('replays a refusal too: the same key after a 409 answers the same 409, not a fresh attempt', async () => {
    const order = await createOrder(stack, boss.token, { title: 'Refused' });
    const key = randomUUID();
    const first = await post(`/api/v1/orders/${order.id}/status`, { statusId: order.status.id }, boss.token, key);
    expect(first.status).toBe(409);
    const again = await post(`/api/v1/orders/${order.id}/status`, { statusId: order.status.id }, boss.token, key);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: first.body.code, detail: first.body.detail });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses the same key with another body (422, naming the header) and does nothing', async () => {
    const key = randomUUID();
    expect((await post('/api/v1/orders', { title: 'One' }, boss.token, key)).status).toBe(201);
    const before = await orderCount();
    const other = await post('/api/v1/orders', { title: 'Another' }, boss.token, key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED', errors: [{ field: 'Idempotency-Key' }] });
    expect(await orderCount()).toBe(before);
  });

  it('scopes keys to the person: another person with the same key gets its own request', async () => {
    const clerk = await signedInEmployee(stack, tenant, { firstName: 'Clerk' });
    const key = randomUUID();
    const mine = await post('/api/v1/orders', { title: 'Scoped' }, boss.token, key);
    const theirs = await post('/api/v1/orders', { title: 'Scoped' }, clerk.token, key);
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
  });

  it('shares keys between gateway replicas and keeps them over a gateway restart', async () => {
    const key = randomUUID();
    const first = await post('/api/v1/orders', { title: 'Seen by every gateway' }, boss.token, key);
    expect(first.status).toBe(201);
    const other = await createGatewayApp(gatewayEnv());
    try {
      await other.listen({ port: 0, host: '127.0.0.1' });
      const address = other.getHttpServer().address();
      const client = new HttpClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
      const replay = await client.post('/api/v1/orders', { title: 'Seen by every gateway' }, boss.token, { 'idempotency-key': key });
      expect(replay.status).toBe(201);
      expect(replay.body.id).toBe(first.body.id);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
    } finally {
      await other.close();
    }
  });

  it('scopes a key on an anonymous route (creating a tenant) to the route: the retry gets the same tenant', async () => {
    const key = randomUUID();
    const slug = `idem-${randomUUID().slice(0, 8)}`;
    const body = {
      slug,
      name: 'Idempotent Ltd',
      administrator: { lastName: 'A', firstName: 'B', email: `boss@${slug}.test`, password: 'correct-horse-battery' },
    };
    const first = await stack.http.post('/api/v1/tenants', body, undefined, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const again = await stack.http.post('/api/v1/tenants', body, undefined, { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses a malformed key with 422 before doing anything', async () => {
    const before = await orderCount();
    for (const key of ['k'.repeat(256), '"unterminated', 'clé']) {
      const response = await post('/api/v1/orders', { title: 'Bad key' }, boss.token, key);
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_INVALID', errors: [{ field: 'Idempotency-Key' }] });
    }
    expect(await orderCount()).toBe(before);
  });

  it('after a 503 bus timeout, answers 409 while the change is still running and then replays its one true answer', async () => {
    const order = await createOrder(stack, boss.token, { title: 'Slow change' });
    const target = tenant.status.Contacted!;
    const key = randomUUID();
    // Another transaction holds the order's row, so the status change waits in the workflow service past the bus timeout.
    const database = new Client({ connectionString: testEnv().databaseUrl });
    await database.connect();
    try {
      await database.query('BEGIN');
      await database.query('SELECT 1 FROM workflow.orders WHERE id = $1 FOR UPDATE', [order.id]);
      const slow = post(`/api/v1/orders/${order.id}/status`, { statusId: target }, boss.token, key);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const duplicate = await post(`/api/v1/orders/${order.id}/status`, { statusId: target }, boss.token, key);
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('IDEMPOTENCY.IN_PROGRESS');
      expect(duplicate.headers.get('retry-after')).toBe('2');
      const timedOut = await slow;
      expect(timedOut.status).toBe(503);
      expect(timedOut.body.code).toBe('BUS.TIMEOUT');
      expect(Number(timedOut.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await post(`/api/v1/orders/${order.id}/status`, { statusId: target }, boss.token, key)).status).toBe(409);
    } finally {
      await database.query('ROLLBACK');
      await database.end();
    }
    // The late answer arrives and is recorded; the retry gets it, and the order moved exactly once.
    let retry = await post(`/api/v1/orders/${order.id}/status`, { statusId: target }, boss.token, key);
    for (let i = 0; retry.status === 409 && i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      retry = await post(`/api/v1/orders/${order.id}/status`, { statusId: target }, boss.token, key);
    }
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toMatchObject({ id: order.id, version: order.version + 1, status: { id: target } });
    expect(retry.headers.get('etag')).toBe(`"${order.version + 1}"`);
    const history = await stack.http.get(`/api/v1/orders/${order.id}/history`, boss.token);
    expect(history.body.filter((entry: any) => entry.to.id === target)).toHaveLength(1);
  }, 30_000);

  it('is documented on every state-changing operation of the OpenAPI document', async () => {
    const document = (await stack.http.get('/docs-json')).body;
    expect(document.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' });
    const ref = { $ref: '#/components/parameters/IdempotencyKey' };
    expect(document.paths['/api/v1/orders'].post.parameters).toContainEqual(ref);
    expect(document.paths['/api/v1/orders/{id}'].patch.parameters).toContainEqual(ref);
    expect(document.paths['/api/v1/orders'].get.parameters ?? []).not.toContainEqual(ref);
    expect(document.paths['/api/v1/auth/login'].post.parameters ?? []).not.toContainEqual(ref);
  });

  it('releases a key whose request did nothing (the service was away), so the retry runs it once', async () => {
    const key = randomUUID();
    const before = await orderCount();
    await stack.stopService('workflow');
    try {
      const away = await post('/api/v1/orders', { title: 'Retried after an outage' }, boss.token, key);
      expect(away.status).toBe(503);
      expect(away.body.code).toBe('BUS.UNAVAILABLE');
      expect(Number(away.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await stack.startService(WORKFLOW_SERVICE);
    }
    const retry = await post('/api/v1/orders', { title: 'Retried after an outage' }, boss.token, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    const replay = await post('/api/v1/orders', { title: 'Retried after an outage' }, boss.token, key);
    expect(replay.body.id).toBe(retry.body.id);
    expect(await orderCount()).toBe(before + 1);
  }, 30_000);
});
