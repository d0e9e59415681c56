import { randomUUID } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import {
  createCloudEvent,
  eventStreamName,
  eventSubject,
  inboxConsumerName,
  OrderCreatedV1,
  rpcSubject,
  TenantCreatedV1,
} from '@warden/contracts';
import type { BusUser, CloudEvent, RequestContext } from '@warden/contracts';
import { connectToTestNats, eventually, testEnv } from '@warden/testing';
import { Stack } from './support/stack';
import { admin, createOrder, createOrdersTenant } from './orders.fixtures';
import type { OrdersTenant } from './orders.fixtures';

const REFUSAL_TIMEOUT_MS = 2000;

/** A request the way the gateway's BusClient sends it (Nest's NATS packet), with a context of our choosing. */
function rpcRequest(connection: NatsConnection, name: string, ctx: RequestContext, data: unknown) {
  const subject = rpcSubject(name);
  return connection.request(subject, JSON.stringify({ pattern: subject, data: { ctx, data }, id: randomUUID() }), {
    timeout: REFUSAL_TIMEOUT_MS,
  });
}

/**
 * The error the server sends for a refused operation arrives on the connection's status stream (a request may
 * only see it as a time-out): collects every permissions violation of a connection.
 */
function violations(connection: NatsConnection): string[] {
  const seen: string[] = [];
  void (async () => {
    for await (const status of connection.status()) {
      if (status.type === 'error' && /permissions violation/i.test(String(status.error))) seen.push(String(status.error));
    }
  })();
  return seen;
}

const flushed = async (connection: NatsConnection): Promise<void> => {
  await connection.flush();
  await new Promise((resolve) => setTimeout(resolve, 200));
};

describe('NATS users and permissions', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let order: { id: string; title: string };
  const ctx = (): RequestContext => ({ tenantId: tenant.tenantId, actorId: tenant.adminId, requestId: randomUUID() });
  const opened: NatsConnection[] = [];
  const as = async (user: BusUser): Promise<NatsConnection> => {
    const connection = await connectToTestNats(user);
    opened.push(connection);
    return connection;
  };

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'bus');
    order = await createOrder(stack, admin(tenant).token, { title: 'Not for the bus' });
  });

  afterAll(async () => {
    await Promise.all(opened.map((connection) => connection.close()));
    await stack?.stop();
  });

  it('lets the gateway user call a service RPC with any context it builds (the success case)', async () => {
    const gateway = await as('gateway');
    const reply = (await rpcRequest(gateway, 'workflow.orders.get', ctx(), { orderId: order.id })).json<{
      response: { id: string; title: string };
    }>();
    expect(reply.response).toMatchObject({ id: order.id, title: 'Not for the bus' });
  });

  it('refuses a client without credentials', async () => {
    await expect(connect({ servers: testEnv().natsUrl, reconnect: false, timeout: REFUSAL_TIMEOUT_MS })).rejects.toThrow(/authorization/i);
    await expect(connect({ servers: testEnv().natsUrl, reconnect: false, user: 'integrator', pass: 'guessed' })).rejects.toThrow(
      /authorization/i,
    );
  });

  it('refuses every rpc subject to the integrator: no order, no reply from any service', async () => {
    const integrator = await as('integrator');
    const refused = violations(integrator);
    for (const name of ['workflow.orders.get', 'identity.health', 'permissions.check', 'directory.health', 'inquiries.health']) {
      await expect(rpcRequest(integrator, name, ctx(), { orderId: order.id })).rejects.toThrow(
        /Permissions Violation for Publish to ".*rpc\./,
      );
    }
    // Nor may it listen in on the services' requests.
    integrator.subscribe(rpcSubject('workflow.>'));
    await flushed(integrator);
    await eventually(async () => expect(refused.join('\n')).toMatch(/Subscription to ".*rpc\.workflow\.>"/));
  });

  it('lets the integrator read the events through a JetStream consumer, and nothing more', async () => {
    const integrator = await as('integrator');
    const refused = violations(integrator);
    const manager = await jetstreamManager(integrator);
    const stream = eventStreamName();
    const info = await manager.consumers.add(stream, {
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: eventSubject(OrderCreatedV1.type),
      inactive_threshold: 10_000_000_000,
    });
    const consumer = await jetstream(integrator).consumers.get(stream, info.name);
    const found: CloudEvent<{ orderId: string }>[] = [];
    for await (const message of await consumer.fetch({ max_messages: info.num_pending, expires: 2000 })) {
      found.push(message.json());
      message.ack();
      if (found.length >= info.num_pending) break;
    }
    expect(found.some((event) => event.subject === order.id || event.data.orderId === order.id)).toBe(true);

    // No publishing events (core or JetStream), no changing the stream, no taking over a service's consumer.
    const forged = createCloudEvent('identity', { type: TenantCreatedV1.type, tenantId: randomUUID(), subject: randomUUID(), data: {} });
    await expect(
      jetstream(integrator).publish(eventSubject(forged.type), JSON.stringify(forged), { timeout: REFUSAL_TIMEOUT_MS }),
    ).rejects.toThrow();
    await expect(manager.streams.delete(stream)).rejects.toThrow();
    await expect(manager.consumers.info(stream, inboxConsumerName('permissions', 'identity'))).rejects.toThrow();
    await expect(manager.consumers.delete(stream, inboxConsumerName('permissions', 'identity'))).rejects.toThrow();
    await eventually(async () => {
      expect(refused.join('\n')).toMatch(/Publish to ".*identity\.tenant\.created\.v1"/);
      expect(refused.join('\n')).toMatch(/STREAM\.DELETE/);
    });
    // The services' consumer is still there.
    await expect(
      (await jetstreamManager(await as('permissions'))).consumers.info(stream, inboxConsumerName('permissions', 'identity')),
    ).resolves.toBeDefined();
  });

  it('keeps each service to its own subjects: no serving, calling or publishing for another service', async () => {
    const directory = await as('directory');
    const refused = violations(directory);
    // Serving workflow's RPC (the request would reach a fake instead of workflow).
    directory.subscribe(rpcSubject('workflow.orders.get'), { queue: 'workflow' });
    await flushed(directory);
    expect(refused[0]).toMatch(/Subscription to ".*rpc\.workflow\.orders\.get"/);
    // Publishing workflow's events.
    const forged = createCloudEvent('workflow', { type: OrderCreatedV1.type, tenantId: tenant.tenantId, subject: randomUUID(), data: {} });
    await expect(
      jetstream(directory).publish(eventSubject(forged.type), JSON.stringify(forged), { timeout: REFUSAL_TIMEOUT_MS }),
    ).rejects.toThrow();
    // Calling a service it never calls (directory only calls identity).
    await expect(rpcRequest(directory, 'workflow.orders.get', ctx(), { orderId: order.id })).rejects.toThrow(
      /Permissions Violation for Publish to ".*rpc\.workflow\.orders\.get"/,
    );
    await eventually(async () => expect(refused.join('\n')).toMatch(/Publish to ".*workflow\.order\.created\.v1"/));

    // Its own: calling identity works (the success case of the same connection).
    const staff = await rpcRequest(directory, 'identity.health', ctx(), {});
    expect(staff.json<{ response: { status: string } }>().response).toEqual({ service: 'identity', status: 'ok' });
  });
});
