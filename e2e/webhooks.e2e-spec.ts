import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { createCloudEvent, eventStreamName, eventSubject, WebhookDisabledV1, webhookConsumerName } from '@warden/contracts';
import { newId } from '@warden/kernel';
import { MetricsEndpoint, startService } from '@warden/service-kit';
import { DeliveryLogPruner, INTEGRATIONS_SERVICE } from '@warden/integrations';
import { connectToTestNats, eventually } from '@warden/testing';
import { parsePrometheusText, sampleSum } from './support/prometheus-text';
import { serviceEnv, Stack } from './support/stack';
import { verifyWebhook, WebhookReceiver } from './support/webhook-receiver';
import { admin, createOrder, createOrdersTenant, moveOrder, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

/**
 * Webhooks as an integrator sees them: endpoints managed over HTTP, events of its own tenant arriving at a real
 * local receiver, signed per Standard Webhooks (verified with the published `standardwebhooks` library),
 * retried after failures, logged, redelivered and replayed with the same ids.
 */
describe('webhooks', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let other: OrdersTenant;
  let boss: Person;
  let receiver: WebhookReceiver;
  const previousSchedule = process.env.WEBHOOK_RETRY_SCHEDULE;

  beforeAll(async () => {
    // Retries in a fraction of a second, so the test sees them; the window (sum) stays well above the test's failures.
    process.env.WEBHOOK_RETRY_SCHEDULE = '300ms,300ms,300ms,300ms,300ms,30s';
    stack = await Stack.start({ serviceEnv: { METRICS_PORT: 0 } });
    tenant = await createOrdersTenant(stack, 'wh');
    other = await createOrdersTenant(stack, 'wx');
    boss = admin(tenant);
    receiver = await WebhookReceiver.start();
  });

  afterAll(async () => {
    await receiver?.stop();
    await stack?.stop();
    if (previousSchedule === undefined) delete process.env.WEBHOOK_RETRY_SCHEDULE;
    else process.env.WEBHOOK_RETRY_SCHEDULE = previousSchedule;
  });

  async function createEndpoint(token: string, body: Record<string, unknown>) {
    const response = await stack.http.post('/api/v1/webhooks', body, token);
    if (response.status !== 201) throw new Error(`webhook creation: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  it('refuses without integrations.manage (403), and names the field of bad input (422)', async () => {
    const employee = await signedInEmployee(stack, tenant, { firstName: 'Nina' });
    const refused = await stack.http.post('/api/v1/webhooks', { url: receiver.url, eventTypes: ['workflow.order.*'] }, employee.token);
    expect(refused.status).toBe(403);
    expect((await stack.http.get('/api/v1/webhooks', employee.token)).status).toBe(403);

    const unknownType = await stack.http.post(
      '/api/v1/webhooks',
      { url: receiver.url, eventTypes: ['workflow.order.*', 'workflow.order.exploded.v1'] },
      boss.token,
    );
    expect(unknownType.status).toBe(422);
    expect(unknownType.body.errors).toEqual([{ field: 'eventTypes.1', reason: 'is not a known event type' }]);
    const noPrefix = await stack.http.post('/api/v1/webhooks', { url: receiver.url, eventTypes: ['billing.*'] }, boss.token);
    expect(noPrefix.status).toBe(422);
    const badUrl = await stack.http.post('/api/v1/webhooks', { url: 'ftp://example.com/x', eventTypes: ['*'] }, boss.token);
    expect(badUrl.status).toBe(422);
    expect(JSON.stringify(badUrl.body)).toContain('url');
    const empty = await stack.http.post('/api/v1/webhooks', { url: receiver.url, eventTypes: [] }, boss.token);
    expect(empty.status).toBe(422);
    expect(JSON.stringify(empty.body)).toContain('eventTypes');
  });

  it("delivers an order's changes once each, in order, signed, with the event id as webhook-id", async () => {
    const endpoint = await createEndpoint(boss.token, { url: receiver.url, eventTypes: ['workflow.order.*'], description: 'CRM sync' });
    expect(endpoint).toMatchObject({
      url: receiver.url,
      eventTypes: ['workflow.order.*'],
      description: 'CRM sync',
      active: true,
      disabledReason: null,
    });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const read = await stack.http.get(`/api/v1/webhooks/${endpoint.id}`, boss.token);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');

    const order = await createOrder(stack, boss.token, { title: 'Webhook order' });
    expect((await moveOrder(stack, boss.token, order.id, tenant.status.Contacted!)).status).toBe(200);
    expect((await moveOrder(stack, boss.token, order.id, tenant.status.New!)).status).toBe(200);

    const arrived = await eventually(
      () => {
        const mine = receiver.received.filter((request) => request.event.subject === order.id);
        expect(mine).toHaveLength(3);
        return mine;
      },
      { timeoutMs: 10_000 },
    );
    expect(arrived.map((request) => request.event.type)).toEqual([
      'workflow.order.created.v1',
      'workflow.order.status-changed.v1',
      'workflow.order.status-changed.v1',
    ]);
    for (const request of arrived) {
      expect(verifyWebhook(endpoint.secret, request)).toMatchObject({ id: request.event.id, tenantid: tenant.tenantId });
      expect(request.headers['webhook-id']).toBe(request.event.id);
      expect(request.headers['content-type']).toBe('application/cloudevents+json');
      expect(request.event).toMatchObject({ specversion: '1.0', source: '/warden/workflow' });
    }
    expect(() => verifyWebhook('whsec_' + Buffer.alloc(32, 1).toString('base64'), arrived[0]!)).toThrow();

    const log = await stack.http.get(`/api/v1/webhooks/${endpoint.id}/deliveries?eventType=workflow.order.status-changed.v1`, boss.token);
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(2);
    expect(log.body.items[0]).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
    });
    // Cursor pages, newest first.
    const first = await stack.http.get(`/api/v1/webhooks/${endpoint.id}/deliveries?limit=2`, boss.token);
    expect(first.body.items.map((item: any) => item.eventId)).toEqual([arrived[2]!.event.id, arrived[1]!.event.id]);
    const second = await stack.http.get(`/api/v1/webhooks/${endpoint.id}/deliveries?limit=2&cursor=${first.body.nextCursor}`, boss.token);
    expect(second.body).toMatchObject({ items: [expect.objectContaining({ eventId: arrived[0]!.event.id })], nextCursor: null });
    expect((await stack.http.get(`/api/v1/webhooks/${endpoint.id}/deliveries?cursor=bogus`, boss.token)).status).toBe(422);
    expect((await stack.http.get(`/api/v1/webhooks/${endpoint.id}/deliveries?status=lost`, boss.token)).status).toBe(422);
    await stack.http.delete(`/api/v1/webhooks/${endpoint.id}`, boss.token);
  });

  it('filters by exact type and never sends another tenant its events', async () => {
    const exact = await createEndpoint(boss.token, { url: receiver.url + '?exact', eventTypes: ['workflow.order.status-changed.v1'] });
    const foreign = await createEndpoint(other.adminToken, { url: receiver.url + '?foreign', eventTypes: ['*'] });
    const order = await createOrder(stack, boss.token, { title: 'Filtered order' });
    expect((await moveOrder(stack, boss.token, order.id, tenant.status.Contacted!)).status).toBe(200);
    const otherOrder = await createOrder(stack, other.adminToken, { title: 'Other tenant order' });

    await eventually(
      () => {
        expect(receiver.received.filter((request) => request.event.subject === otherOrder.id)).toHaveLength(1);
        expect(receiver.received.filter((request) => request.event.subject === order.id)).toHaveLength(1);
      },
      { timeoutMs: 10_000 },
    );
    const mine = receiver.received.filter((request) => request.event.subject === order.id);
    expect(mine[0]!.event.type).toBe('workflow.order.status-changed.v1');
    verifyWebhook(exact.secret, mine[0]!);
    const theirs = receiver.received.filter((request) => request.event.subject === otherOrder.id);
    expect(theirs[0]!.event.tenantid).toBe(other.tenantId);
    verifyWebhook(foreign.secret, theirs[0]!);
    // The other tenant cannot see or touch this tenant's endpoint.
    expect((await stack.http.get(`/api/v1/webhooks/${exact.id}`, other.adminToken)).status).toBe(404);
    expect((await stack.http.get(`/api/v1/webhooks/${exact.id}/deliveries`, other.adminToken)).status).toBe(404);
    expect((await stack.http.get('/api/v1/webhooks', other.adminToken)).body.map((endpoint: any) => endpoint.id)).toEqual([foreign.id]);
    await stack.http.delete(`/api/v1/webhooks/${exact.id}`, boss.token);
    await stack.http.delete(`/api/v1/webhooks/${foreign.id}`, other.adminToken);
  });

  it('retries after the receiver answers 500, logs the attempts, and redelivers and replays with the same ids', async () => {
    const endpoint = await createEndpoint(boss.token, { url: receiver.url, eventTypes: ['workflow.order.created.v1'] });
    const since = new Date().toISOString();
    let failuresLeft = 2;
    receiver.answer = (request) => (request.event.type === 'workflow.order.created.v1' && failuresLeft-- > 0 ? 500 : 200);
    const order = await createOrder(stack, boss.token, { title: 'Flaky receiver' });
    try {
      const delivered = await eventually(
        async () => {
          const log = await stack.http.get(`/api/v1/webhooks/${endpoint.id}/deliveries?status=delivered`, boss.token);
          expect(log.body.items).toHaveLength(1);
          return log.body.items[0];
        },
        { timeoutMs: 10_000 },
      );
      expect(delivered).toMatchObject({ eventType: 'workflow.order.created.v1', attempts: 3, lastStatusCode: 200, status: 'delivered' });
      const attempts = receiver.received.filter((request) => request.event.subject === order.id);
      expect(attempts.map((request) => request.status)).toEqual([500, 500, 200]);
      expect(new Set(attempts.map((request) => request.headers['webhook-id']))).toEqual(new Set([delivered.eventId]));

      const redelivered = await stack.http.post(`/api/v1/webhooks/${endpoint.id}/deliveries/${delivered.id}/redeliver`, {}, boss.token);
      expect(redelivered.status).toBe(200);
      await eventually(() => expect(receiver.received.filter((request) => request.event.subject === order.id)).toHaveLength(4));

      const replay = await stack.http.post(`/api/v1/webhooks/${endpoint.id}/replay`, { since }, boss.token);
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual({ replayed: 1 });
      const all = await eventually(() => {
        const got = receiver.received.filter((request) => request.event.subject === order.id);
        expect(got).toHaveLength(5);
        return got;
      });
      expect(all[4]!.headers['webhook-id']).toBe(delivered.eventId);
      verifyWebhook(endpoint.secret, all[4]!);

      // An endpoint added afterwards replays from the stream what happened before it existed.
      const late = await createEndpoint(boss.token, { url: receiver.url + '?late', eventTypes: ['workflow.order.created.v1'] });
      const lateReplay = await stack.http.post(`/api/v1/webhooks/${late.id}/replay`, { since }, boss.token);
      expect(lateReplay.body).toEqual({ replayed: 1 });
      const lateCopy = await eventually(() => {
        const got = receiver.received.find((request) => request.url.endsWith('?late'));
        expect(got).toBeDefined();
        return got!;
      });
      expect(lateCopy.headers['webhook-id']).toBe(delivered.eventId);
      verifyWebhook(late.secret, lateCopy);
      await stack.http.delete(`/api/v1/webhooks/${late.id}`, boss.token);

      const badSince = await stack.http.post(`/api/v1/webhooks/${endpoint.id}/replay`, { since: 'yesterday' }, boss.token);
      expect(badSince.status).toBe(422);
      expect(JSON.stringify(badSince.body)).toContain('since');
      const unknownDelivery = await stack.http.post(`/api/v1/webhooks/${endpoint.id}/deliveries/${order.id}/redeliver`, {}, boss.token);
      expect(unknownDelivery.status).toBe(404);
    } finally {
      receiver.answer = () => 200;
      await stack.http.delete(`/api/v1/webhooks/${endpoint.id}`, boss.token);
    }
  });

  it('after a secret rotation, signs with both the new and the old secret', async () => {
    const endpoint = await createEndpoint(boss.token, { url: receiver.url, eventTypes: ['workflow.order.created.v1'] });
    const rotated = await stack.http.post(`/api/v1/webhooks/${endpoint.id}/rotate-secret`, {}, boss.token);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    const order = await createOrder(stack, boss.token, { title: 'After rotation' });
    const request = await eventually(
      () => {
        const got = receiver.received.find((candidate) => candidate.event.subject === order.id);
        expect(got).toBeDefined();
        return got!;
      },
      { timeoutMs: 10_000 },
    );
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2);
    verifyWebhook(rotated.body.secret, request);
    verifyWebhook(endpoint.secret, request);
    await stack.http.delete(`/api/v1/webhooks/${endpoint.id}`, boss.token);
  });

  it('sends a signed test ping at once and reports the answer; PATCH and DELETE manage the endpoint', async () => {
    const endpoint = await createEndpoint(boss.token, { url: receiver.url, eventTypes: ['directory.*'] });
    const test = await stack.http.post(`/api/v1/webhooks/${endpoint.id}/test`, {}, boss.token);
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ statusCode: 200, error: null });
    expect(typeof test.body.latencyMs).toBe('number');
    const ping = receiver.received.find(
      (request) => request.event.type === 'warden.webhook.test.v1' && request.event.subject === endpoint.id,
    );
    expect(ping).toBeDefined();
    verifyWebhook(endpoint.secret, ping!);

    const patched = await stack.http.patch(
      `/api/v1/webhooks/${endpoint.id}`,
      { active: false, eventTypes: ['directory.branch.*'] },
      boss.token,
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ active: false, eventTypes: ['directory.branch.*'] });
    const badPatch = await stack.http.patch(`/api/v1/webhooks/${endpoint.id}`, { eventTypes: ['nope.v1'] }, boss.token);
    expect(badPatch.status).toBe(422);
    expect(JSON.stringify(badPatch.body)).toContain('eventTypes.0');

    expect((await stack.http.delete(`/api/v1/webhooks/${endpoint.id}`, boss.token)).body).toEqual({ deleted: true });
    expect((await stack.http.get(`/api/v1/webhooks/${endpoint.id}`, boss.token)).status).toBe(404);
  });

  it('a receiver down for a while gets everything once it is back; the log shows the attempts', async () => {
    const endpoint = await createEndpoint(boss.token, { url: receiver.url + '?down', eventTypes: ['workflow.order.created.v1'] });
    await receiver.stop();
    const orders = [
      await createOrder(stack, boss.token, { title: 'While down 1' }),
      await createOrder(stack, boss.token, { title: 'While down 2' }),
    ];
    try {
      await eventually(
        async () => {
          const log = await stack.http.get(`/api/v1/webhooks/${endpoint.id}/deliveries?status=pending`, boss.token);
          expect(log.body.items).toHaveLength(2);
          expect(log.body.items[0].attempts).toBeGreaterThanOrEqual(1);
          expect(log.body.items[0].lastStatusCode).toBeNull();
          expect(log.body.items[0].lastError).toEqual(expect.any(String));
          expect(log.body.items[0].nextAttemptAt).toEqual(expect.any(String));
        },
        { timeoutMs: 10_000 },
      );
    } finally {
      await receiver.listen();
    }
    await eventually(
      () => {
        for (const order of orders) expect(receiver.received.filter((request) => request.event.subject === order.id)).toHaveLength(1);
      },
      { timeoutMs: 10_000 },
    );
    const log = await stack.http.get(`/api/v1/webhooks/${endpoint.id}/deliveries`, boss.token);
    expect(log.body.items.map((item: any) => item.status)).toEqual(['delivered', 'delivered']);
    expect(log.body.items.every((item: any) => item.attempts >= 2)).toBe(true);
    await stack.http.delete(`/api/v1/webhooks/${endpoint.id}`, boss.token);
  });

  it('410 Gone disables the endpoint and publishes integrations.webhook.disabled.v1; turning it on again delivers what waited', async () => {
    const watcher = await createEndpoint(boss.token, { url: receiver.url + '?watcher', eventTypes: ['integrations.*'] });
    const gone = await createEndpoint(boss.token, { url: receiver.url + '?gone', eventTypes: ['workflow.order.created.v1'] });
    let goneAnswers = 1;
    receiver.answer = (request) => (request.url.endsWith('?gone') && goneAnswers-- > 0 ? 410 : 200);
    try {
      const first = await createOrder(stack, boss.token, { title: 'To a gone receiver' });
      const disabled = await eventually(
        async () => {
          const read = await stack.http.get(`/api/v1/webhooks/${gone.id}`, boss.token);
          expect(read.body.active).toBe(false);
          return read.body;
        },
        { timeoutMs: 10_000 },
      );
      expect(disabled.disabledReason).toContain('410');
      const notice = await eventually(
        () => {
          // `integrations.*` also brings the endpoint's audit entries (integrations.audit.recorded.v1): look for the notice.
          const got = receiver.received.find(
            (request) =>
              request.url.endsWith('?watcher') &&
              request.event.subject === gone.id &&
              request.event.type === 'integrations.webhook.disabled.v1',
          );
          expect(got).toBeDefined();
          return got!;
        },
        { timeoutMs: 10_000 },
      );
      expect(notice.event).toMatchObject({ type: 'integrations.webhook.disabled.v1', data: { endpointId: gone.id } });
      verifyWebhook(watcher.secret, notice);

      const waiting = await createOrder(stack, boss.token, { title: 'While disabled' });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.received.filter((request) => request.event.subject === waiting.id)).toHaveLength(0);
      const enabled = await stack.http.patch(`/api/v1/webhooks/${gone.id}`, { active: true }, boss.token);
      expect(enabled.body).toMatchObject({ active: true, disabledReason: null });
      await eventually(() => expect(receiver.received.filter((request) => request.event.subject === waiting.id)).toHaveLength(1), {
        timeoutMs: 10_000,
      });
      const log = await stack.http.get(`/api/v1/webhooks/${gone.id}/deliveries?status=failed`, boss.token);
      expect(log.body.items).toEqual([expect.objectContaining({ lastStatusCode: 410, attempts: 1 })]);
      expect(receiver.received.find((request) => request.url.endsWith('?gone') && request.event.subject === first.id)?.status).toBe(410);
    } finally {
      receiver.answer = () => 200;
      await stack.http.delete(`/api/v1/webhooks/${gone.id}`, boss.token);
      await stack.http.delete(`/api/v1/webhooks/${watcher.id}`, boss.token);
    }
  });

  it('an event the database refuses never holds back the events that arrived with it', async () => {
    const endpoint = await createEndpoint(boss.token, { url: `${receiver.url}?intake`, eventTypes: [WebhookDisabledV1.type] });
    // Published straight onto the stream as the integrations service would (a type no service consumes), in one
    // burst so the intake takes them in batches; one has a NUL in its subject, which PostgreSQL refuses to store, so
    // the transaction of its batch fails.
    const event = (subject: string) =>
      createCloudEvent('integrations', {
        type: WebhookDisabledV1.type,
        tenantId: tenant.tenantId,
        subject,
        data: { endpointId: newId(), url: 'https://example.com/hook', reason: 'a test of the intake', at: new Date().toISOString() },
      });
    const good = Array.from({ length: 30 }, () => event(newId()));
    const poisoned = event('refused\u0000subject');
    const burst = [...good.slice(0, 15), poisoned, ...good.slice(15)];
    const integrations = await connectToTestNats('integrations');
    try {
      const stream = jetstream(integrations);
      await Promise.all(burst.map((one) => stream.publish(eventSubject(one.type), JSON.stringify(one), { msgID: one.id })));

      const arrived = () => receiver.received.filter((request) => request.url.endsWith('?intake')).map((request) => request.event.id);
      await eventually(() => expect(new Set(arrived())).toEqual(new Set(good.map((one) => one.id))), { timeoutMs: 15_000 });
      expect(arrived()).not.toContain(poisoned.id);
      // The refused one is terminated, not redelivered for good: nothing stays unacknowledged on the intake's consumer.
      const manager = await jetstreamManager(integrations);
      await eventually(
        async () => expect((await manager.consumers.info(eventStreamName(), webhookConsumerName())).num_ack_pending).toBe(0),
        { timeoutMs: 10_000 },
      );
    } finally {
      await integrations.close();
    }
    const log = await stack.http.get(`/api/v1/webhooks/${endpoint.id}/deliveries?limit=100`, boss.token);
    expect(log.body.items.map((delivery: any) => delivery.eventId).sort()).toEqual(good.map((one) => one.id).sort());
    await stack.http.delete(`/api/v1/webhooks/${endpoint.id}`, boss.token);
  });

  it('two replicas of the service share the queue: every event once, never twice at the same time', async () => {
    const replica = await startService(INTEGRATIONS_SERVICE, serviceEnv());
    const endpoint = await createEndpoint(boss.token, { url: receiver.url + '?replicas', eventTypes: ['workflow.order.created.v1'] });
    receiver.delayMs = 50;
    receiver.mostInFlight = 0;
    try {
      const orders: Array<{ id: string }> = [];
      for (let index = 0; index < 12; index++) orders.push(await createOrder(stack, boss.token, { title: `Replica order ${index}` }));
      await eventually(
        () => {
          for (const order of orders)
            expect(receiver.received.filter((request) => request.event.subject === order.id).length).toBeGreaterThanOrEqual(1);
        },
        { timeoutMs: 15_000 },
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const order of orders) expect(receiver.received.filter((request) => request.event.subject === order.id)).toHaveLength(1);
      expect(receiver.mostInFlight).toBe(1);
    } finally {
      receiver.delayMs = 0;
      await replica.close();
      await stack.http.delete(`/api/v1/webhooks/${endpoint.id}`, boss.token);
    }
  });

  it('counts deliveries by outcome, attempt latency and the queue per endpoint state in the metrics', async () => {
    const port = stack.services.get('integrations')!.get(MetricsEndpoint).port;
    const samples = parsePrometheusText(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text());
    expect(sampleSum(samples, 'warden_webhook_deliveries_total', { outcome: 'delivered' })).toBeGreaterThan(0);
    expect(sampleSum(samples, 'warden_webhook_deliveries_total', { outcome: 'retry' })).toBeGreaterThan(0);
    expect(sampleSum(samples, 'warden_webhook_deliveries_total', { outcome: 'gone' })).toBe(1);
    expect(sampleSum(samples, 'warden_webhook_attempt_seconds_count')).toBeGreaterThan(0);
    expect(
      samples
        .filter((sample) => sample.name === 'warden_webhook_pending')
        .map((sample) => sample.labels.endpoint_state)
        .sort(),
    ).toEqual(['active', 'inactive']);
  });

  it('keeps the delivery log for WEBHOOK_LOG_RETENTION: finished deliveries and unneeded event copies go, pending ones stay', async () => {
    const endpoint = await createEndpoint(boss.token, { url: receiver.url, eventTypes: ['workflow.order.created.v1'] });
    const delivered = await createOrder(stack, boss.token, { title: 'Delivered long ago' });
    await eventually(
      () => expect(receiver.received.some((request) => request.event.subject === delivered.id && request.status === 200)).toBe(true),
      { timeoutMs: 10_000 },
    );
    receiver.answer = () => 503;
    const waiting = await createOrder(stack, boss.token, { title: 'Still waiting' });
    await eventually(() => expect(receiver.received.some((request) => request.event.subject === waiting.id)).toBe(true), {
      timeoutMs: 10_000,
    });
    receiver.answer = () => 200;
    await stack.http.patch(`/api/v1/webhooks/${endpoint.id}`, { active: false }, boss.token);

    const pruner = stack.services.get(INTEGRATIONS_SERVICE.name)!.get(DeliveryLogPruner);
    // Nothing is old enough yet.
    expect(await pruner.prune()).toEqual({ deliveries: 0, events: 0 });
    const log = async () =>
      (await stack.http.get(`/api/v1/webhooks/${endpoint.id}/deliveries`, boss.token)).body.items as Array<{
        status: string;
        eventId: string;
      }>;
    expect((await log()).map((delivery) => delivery.status).sort()).toEqual(['delivered', 'pending']);

    // 31 days on (the default retention is 30): the delivered one and its event copy go, the pending one stays.
    const later = new Date(Date.now() + 31 * 86_400_000);
    const pruned = await pruner.prune(later);
    expect(pruned.deliveries).toBeGreaterThanOrEqual(1);
    expect(pruned.events).toBeGreaterThanOrEqual(1);
    expect((await log()).map((delivery) => delivery.status)).toEqual(['pending']);
    await stack.http.delete(`/api/v1/webhooks/${endpoint.id}`, boss.token);
  });
});
