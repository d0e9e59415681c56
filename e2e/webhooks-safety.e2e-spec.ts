import { eventually } from '@warden/testing';
import { Stack } from './support/stack';
import { WebhookReceiver } from './support/webhook-receiver';
import { createOrder, createOrdersTenant } from './orders.fixtures';
import type { OrdersTenant } from './orders.fixtures';

/** Each case needs the integrations service started with other settings, so each starts its own stack. */
describe('webhooks: settings read at start-up', () => {
  let stack: Stack | undefined;
  let receiver: WebhookReceiver;
  const saved = { schedule: process.env.WEBHOOK_RETRY_SCHEDULE, allow: process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS };

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });

  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  afterAll(async () => {
    await receiver?.stop();
    for (const [name, value] of [['WEBHOOK_RETRY_SCHEDULE', saved.schedule], ['WEBHOOK_ALLOW_PRIVATE_TARGETS', saved.allow]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('an endpoint without one success for the whole retry window is disabled, its deliveries failed', async () => {
    process.env.WEBHOOK_RETRY_SCHEDULE = '200ms,200ms,200ms';
    stack = await Stack.start();
    const tenant: OrdersTenant = await createOrdersTenant(stack, 'wf');
    receiver.answer = () => 500;
    const created = await stack.http.post('/api/v1/webhooks', { url: receiver.url, eventTypes: ['workflow.order.created.v1'] }, tenant.adminToken);
    expect(created.status).toBe(201);
    await createOrder(stack, tenant.adminToken, { title: 'Never accepted' });
    const disabled = await eventually(async () => {
      const read = await stack!.http.get(`/api/v1/webhooks/${created.body.id}`, tenant.adminToken);
      expect(read.body.active).toBe(false);
      return read.body;
    }, { timeoutMs: 15_000 });
    expect(disabled.disabledReason).toContain('no successful delivery since');
    const log = await stack.http.get(`/api/v1/webhooks/${created.body.id}/deliveries`, tenant.adminToken);
    expect(log.body.items).toEqual([expect.objectContaining({ status: 'failed', attempts: 4, lastStatusCode: 500, nextAttemptAt: null })]);
  });

  it('refuses loopback and private targets (422 naming url) when private targets are not allowed', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = 'false';
    stack = await Stack.start();
    const tenant: OrdersTenant = await createOrdersTenant(stack, 'ws');
    for (const url of [receiver.url, 'https://127.0.0.1/hook', 'https://169.254.169.254/latest/meta-data', 'https://[::1]/hook', 'https://localhost/hook', 'http://hooks.example.com/']) {
      const refused = await stack.http.post('/api/v1/webhooks', { url, eventTypes: ['*'] }, tenant.adminToken);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
    }
  });
});
