import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createGatewayApp } from '@warden/gateway';
import { findFreePort, findNatsServerBinary, launchNatsServer } from '@warden/infra';
import type { NatsServerHandle } from '@warden/infra';
import { eventually, HttpClient } from '@warden/testing';
import { gatewayEnv, Stack } from './support/stack';
import { createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

describe('health', () => {
  let stack: Stack;
  let tenant: TenantFixture;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'hl');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('is live and ready when every service answers, detailing its own NATS connection and each service', async () => {
    expect((await stack.http.get('/health/live')).status).toBe(200);
    const ready = await stack.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.info)).toEqual(
      expect.arrayContaining(['nats', 'identity', 'permissions', 'directory', 'workflow', 'inquiries']),
    );
    expect(ready.body.details.nats.status).toBe('up');
  });

  it('stays ready when one service stops, naming it; its routes answer 503 at once and the others keep working', async () => {
    await stack.stopService('inquiries');
    const ready = await stack.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details.inquiries.status).toBe('down');
    expect(ready.body.error.inquiries.status).toBe('down');
    expect(ready.body.details.workflow.status).toBe('up');

    const started = Date.now();
    const missing = await stack.http.get('/api/v1/inquiries', tenant.adminToken);
    expect(missing.status).toBe(503);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body).toMatchObject({ status: 503, service: 'inquiries' });
    // No responder is known at once: no waiting for the bus timeout.
    expect(Date.now() - started).toBeLessThan(1000);

    expect((await stack.http.get('/api/v1/workflows', tenant.adminToken)).status).toBe(200);
    expect((await stack.http.get('/api/v1/staff', tenant.adminToken)).status).toBe(200);
  });

  it('answers unknown routes and malformed bodies with problem documents', async () => {
    const missing = await stack.http.get('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ status: 404, code: 'ROUTE.NOT_FOUND' });
    const malformed = await stack.http.post('/health/live', '{not json');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED' });
    const tooLarge = await stack.http.post('/api/v1/auth/login', { tenant: 'x'.repeat(300 * 1024), email: 'a@b.c', password: 'p' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ status: 413, code: 'REQUEST.TOO_LARGE' });
    const wrongType = await stack.http.post('/api/v1/auth/login', '<login/>', undefined, { 'content-type': 'application/xml' });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body).toMatchObject({ status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
  });
});

describe('gateway readiness on its own NATS connection', () => {
  let nats: NatsServerHandle | undefined;
  let gateway: NestFastifyApplication | undefined;
  let storeDir: string;
  let port: number;

  const start = async (): Promise<NatsServerHandle> =>
    launchNatsServer({ binary: findNatsServerBinary()!, port, storeDir, log: () => undefined });

  afterAll(async () => {
    await gateway?.close().catch(() => undefined);
    await nats?.stop();
    await rm(storeDir, { recursive: true, force: true });
  });

  it('is not ready while its NATS server is down, and ready again when it is back', async () => {
    storeDir = await mkdtemp(path.join(tmpdir(), 'warden-health-nats-'));
    port = await findFreePort();
    nats = await start();
    gateway = await createGatewayApp(gatewayEnv({ NATS_URL: nats.url }));
    await gateway.listen({ port: 0, host: '127.0.0.1' });
    const address = gateway.getHttpServer().address();
    const http = new HttpClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);

    const up = await http.get('/health/ready');
    expect(up.status).toBe(200); // no service answers on this NATS: listed as down, the gateway is still ready
    expect(up.body.details.nats.status).toBe('up');
    expect(up.body.details.workflow.status).toBe('down');

    process.kill(nats.pid!, 'SIGKILL');
    await eventually(
      async () => {
        const down = await http.get('/health/ready');
        expect(down.status).toBe(503);
        expect(down.body.details.nats.status).toBe('down');
      },
      { timeoutMs: 10_000, intervalMs: 200 },
    );

    nats = await start();
    await eventually(async () => expect((await http.get('/health/ready')).status).toBe(200), { timeoutMs: 15_000, intervalMs: 200 });
  });
});
