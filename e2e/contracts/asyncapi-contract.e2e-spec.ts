import { Parser } from '@asyncapi/parser';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { EVENT_CONTRACTS, eventStreamName } from '@warden/contracts';
import { AsyncApiEventValidator, connectToTestNats, eventually, isLibraryTestEvent } from '@warden/testing';
import { createOrder, createOrdersTenant } from '../orders.fixtures';
import { Stack } from '../support/stack';

/** Every message on this run's event stream so far, whatever its type, as an integrator reading it all would. */
async function everyEvent(): Promise<Record<string, any>[]> {
  const connection = await connectToTestNats('integrator');
  try {
    const manager = await jetstreamManager(connection);
    const info = await manager.consumers.add(eventStreamName(), { ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All });
    const consumer = await jetstream(connection).consumers.get(eventStreamName(), info.name);
    const events: Record<string, any>[] = [];
    if (info.num_pending > 0) {
      for await (const message of await consumer.fetch({ max_messages: info.num_pending, expires: 5000 })) {
        events.push(message.json());
        if (events.length >= info.num_pending) break;
      }
    }
    await manager.consumers.delete(eventStreamName(), info.name).catch(() => undefined);
    return events;
  } finally {
    await connection.close();
  }
}

describe('the AsyncAPI document, as integrators read it', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start();
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('parses with @asyncapi/parser without errors or warnings, one message per event type the product sends', async () => {
    const served = await stack.http.get('/docs/asyncapi.json');
    expect(served.status).toBe(200);
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(served.body));
    // Severity 0 is an error, 1 a warning.
    expect(
      diagnostics
        .filter((diagnostic) => diagnostic.severity <= 1)
        .map((diagnostic) => `${diagnostic.code}: ${diagnostic.message} at ${diagnostic.path.join('/')}`),
    ).toEqual([]);
    expect(document).toBeDefined();
    expect(
      document!
        .servers()
        .all()
        .map((server) => server.protocol()),
    ).toEqual(['nats']);
    expect(
      document!
        .operations()
        .all()
        .map((operation) => operation.action()),
    ).toEqual(EVENT_CONTRACTS.map(() => 'send'));
    const statusChanged = document!
      .messages()
      .all()
      .find((message) => message.name() === 'workflow.order.status-changed.v1');
    expect(statusChanged?.contentType()).toBe('application/cloudevents+json');
    expect(statusChanged?.payload()?.required()).toEqual([
      'specversion',
      'id',
      'source',
      'type',
      'time',
      'subject',
      'datacontenttype',
      'tenantid',
      'data',
    ]);
  });

  it('matches every event on the stream: envelope and data as published, nulls included', async () => {
    // Events of the kinds that carried nulls the document did not allow: a tenant (employee, policy, workflow),
    // an order, a department, a contact, and an inbound message on a channel; and an order's tags changed.
    const tenant = await createOrdersTenant(stack, 'aa');
    const department = await stack.http.postExpecting('/api/v1/departments', { name: 'Front desk' }, tenant.adminToken);
    await stack.http.postExpecting(
      '/api/v1/contacts',
      { lastName: 'Client', firstName: 'Carl', email: `carl@${tenant.slug}.test` },
      tenant.adminToken,
    );
    const channel = await stack.http.postExpecting(
      '/api/v1/channels',
      { kind: 'email', address: `desk@${tenant.slug}.test`, name: 'Desk', departmentId: department.id },
      tenant.adminToken,
    );
    const inbound = await stack.http.post(
      `/api/v1/channels/${channel.id}/inbound`,
      { messageId: 'm-1', from: { email: 'someone@else.test' }, text: 'Hello' },
      tenant.adminToken,
    );
    expect([200, 201]).toContain(inbound.status);
    const tagged = await createOrder(stack, tenant.adminToken, { tags: ['vip'] });
    const retagged = await stack.http.patch(`/api/v1/orders/${tagged.id}`, { tags: ['key-account'] }, tenant.adminToken);
    expect(retagged.status).toBe(200);

    const validator = new AsyncApiEventValidator();
    const wanted = [
      'identity.employee.created.v1',
      'permissions.policy.changed.v1',
      'workflow.order.created.v1',
      'workflow.order.tags-changed.v1',
      'directory.department.created.v1',
      'directory.contact.created.v1',
      'directory.inbound.received.v1',
    ];
    const events = await eventually(
      async () => {
        const all = await everyEvent();
        const types = new Set(all.filter((event) => event.tenantid === tenant.tenantId).map((event) => event.type));
        for (const type of wanted) if (!types.has(type)) throw new Error(`no ${type} yet`);
        // The run's stream also carries what the libraries' own tests publish, which is no product event.
        return all.filter((event) => !isLibraryTestEvent(event));
      },
      { timeoutMs: 15_000, intervalMs: 500 },
    );
    expect(events.flatMap((event) => validator.check(event).map((difference) => `${difference} in ${JSON.stringify(event)}`))).toEqual([]);
  });
});
