import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { Client } from 'pg';
import { createDatabaseIfMissing, withDatabase } from '@warden/infra';
import { INTEGRATIONS_SERVICE } from '@warden/integrations';
import { eventually, testEnv } from '@warden/testing';
import { Stack } from './support/stack';
import { verifyWebhook, WebhookReceiver } from './support/webhook-receiver';
import { createOrder, createOrdersTenant } from './orders.fixtures';
import type { OrdersTenant } from './orders.fixtures';

/** Each case needs the integrations service started with other settings, so each starts its own stack. */
describe('webhooks: settings read at start-up', () => {
  let stack: Stack | undefined;
  let receiver: WebhookReceiver;
  const saved = {
    schedule: process.env.WEBHOOK_RETRY_SCHEDULE,
    allow: process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    key: process.env.WEBHOOK_SECRETS_KEY,
    previousKeys: process.env.WEBHOOK_SECRETS_KEY_PREVIOUS,
  };

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });

  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  afterAll(async () => {
    await receiver?.stop();
    const settings = [
      ['WEBHOOK_RETRY_SCHEDULE', saved.schedule],
      ['WEBHOOK_ALLOW_PRIVATE_TARGETS', saved.allow],
      ['WEBHOOK_SECRETS_KEY', saved.key],
      ['WEBHOOK_SECRETS_KEY_PREVIOUS', saved.previousKeys],
    ] as const;
    for (const [name, value] of settings) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('an endpoint without one success for the whole retry window is disabled, its deliveries failed', async () => {
    process.env.WEBHOOK_RETRY_SCHEDULE = '200ms,200ms,200ms';
    stack = await Stack.start();
    const tenant: OrdersTenant = await createOrdersTenant(stack, 'wf');
    receiver.answer = () => 500;
    const created = await stack.http.post(
      '/api/v1/webhooks',
      { url: receiver.url, eventTypes: ['workflow.order.created.v1'] },
      tenant.adminToken,
    );
    expect(created.status).toBe(201);
    await createOrder(stack, tenant.adminToken, { title: 'Never accepted' });
    const disabled = await eventually(
      async () => {
        const read = await stack!.http.get(`/api/v1/webhooks/${created.body.id}`, tenant.adminToken);
        expect(read.body.active).toBe(false);
        return read.body;
      },
      { timeoutMs: 15_000 },
    );
    expect(disabled.disabledReason).toContain('no successful delivery since');
    const log = await stack.http.get(`/api/v1/webhooks/${created.body.id}/deliveries`, tenant.adminToken);
    expect(log.body.items).toEqual([expect.objectContaining({ status: 'failed', attempts: 4, lastStatusCode: 500, nextAttemptAt: null })]);
  });

  it('refuses loopback and private targets (422 naming url) when private targets are not allowed', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = 'false';
    stack = await Stack.start();
    const tenant: OrdersTenant = await createOrdersTenant(stack, 'ws');
    for (const url of [
      receiver.url,
      'https://127.0.0.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://localhost/hook',
      'http://hooks.example.com/',
    ]) {
      const refused = await stack.http.post('/api/v1/webhooks', { url, eventTypes: ['*'] }, tenant.adminToken);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
    }
    // A host name (not an address, not localhost) that resolves inside: this machine's own name, from /etc/hosts.
    const inside = `https://${hostname()}/hook`;
    const [address] = await lookup(hostname(), { all: true });
    const refused = await stack.http.post('/api/v1/webhooks', { url: inside, eventTypes: ['*'] }, tenant.adminToken);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'url', reason: expect.stringContaining(`resolves to ${address!.address}`) }),
    ]);
    const saved = await stack.http.postExpecting(
      '/api/v1/webhooks',
      { url: 'https://hooks.example.com/x', eventTypes: ['*'] },
      tenant.adminToken,
      201,
    );
    const moved = await stack.http.patch(`/api/v1/webhooks/${saved.id}`, { url: inside }, tenant.adminToken);
    expect(moved.status).toBe(422);
    expect(moved.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
  });

  it('a new WEBHOOK_SECRETS_KEY with the old one as previous: secrets still sign, re-encrypted so the old key can go', async () => {
    // A database of its own: every endpoint in it is under this test's keys (the run's shared one holds other
    // suites' endpoints, under the default key, which a service started with another key rightly refuses).
    const database = `${new URL(testEnv().databaseUrl).pathname.slice(1)}_keys`;
    await createDatabaseIfMissing(testEnv().databaseUrl, database);
    process.env.WEBHOOK_SECRETS_KEY = 'the-first-secrets-key-of-this-test-4f9a2c';
    delete process.env.WEBHOOK_SECRETS_KEY_PREVIOUS;
    delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
    receiver.answer = () => 200;
    stack = await Stack.start({ serviceEnv: { DATABASE_URL: withDatabase(testEnv().databaseUrl, database) } });
    const tenant: OrdersTenant = await createOrdersTenant(stack, 'wk');
    const created = await stack.http.postExpecting(
      '/api/v1/webhooks',
      { url: receiver.url, eventTypes: ['workflow.order.*'] },
      tenant.adminToken,
    );
    const rotated = await stack.http.postExpecting(`/api/v1/webhooks/${created.id}/rotate-secret`, {}, tenant.adminToken, 200);
    const pingVerifiesWith = async (...secrets: string[]) => {
      const test = await stack!.http.post(`/api/v1/webhooks/${created.id}/test`, {}, tenant.adminToken);
      expect(test.body).toMatchObject({ statusCode: 200, error: null });
      const ping = receiver.received.filter((request) => request.event.subject === created.id).at(-1)!;
      for (const secret of secrets) verifyWebhook(secret, ping);
    };

    // The integrations service restarts with a new key, the old one kept as previous: both secrets still sign.
    await stack.stopService(INTEGRATIONS_SERVICE.name);
    process.env.WEBHOOK_SECRETS_KEY = 'the-second-secrets-key-of-this-test-7b1e0d';
    process.env.WEBHOOK_SECRETS_KEY_PREVIOUS = 'the-first-secrets-key-of-this-test-4f9a2c';
    await stack.startService(INTEGRATIONS_SERVICE);
    await pingVerifiesWith(rotated.secret, created.secret);

    // Without the old key at all: the start-up above re-encrypted both secrets under the new one.
    await stack.stopService(INTEGRATIONS_SERVICE.name);
    delete process.env.WEBHOOK_SECRETS_KEY_PREVIOUS;
    await stack.startService(INTEGRATIONS_SERVICE);
    await pingVerifiesWith(rotated.secret, created.secret);

    // A key that never encrypted them: the service refuses to start, saying which setting is wrong.
    await stack.stopService(INTEGRATIONS_SERVICE.name);
    process.env.WEBHOOK_SECRETS_KEY = 'an-unrelated-secrets-key-of-this-test-93c5';
    await expect(stack.startService(INTEGRATIONS_SERVICE)).rejects.toThrow(
      /decrypt with neither WEBHOOK_SECRETS_KEY nor WEBHOOK_SECRETS_KEY_PREVIOUS/,
    );
    process.env.WEBHOOK_SECRETS_KEY = 'the-second-secrets-key-of-this-test-7b1e0d';
    await stack.startService(INTEGRATIONS_SERVICE);
    await stack.stop();
    stack = undefined;
    const admin = new Client({ connectionString: testEnv().databaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }, 120_000);
});
