import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { InquiryRequeuedV1, PresenceChangedV1 } from '@warden/contracts';
import { PresenceSweeper } from '@warden/identity';
import { RoutingClock } from '@warden/inquiries';
import { eventually, readEvents, testEnv } from '@warden/testing';
import { admin, createOrder, createOrdersTenant, moveOrder, setLevels, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant } from './orders.fixtures';
import { SseStream } from './support/sse-stream';
import { Stack } from './support/stack';
import { WebhookReceiver } from './support/webhook-receiver';
import { createEmployee, login } from './staff.fixtures';
import { createTask, createTaskWorkflow, moveTask } from './tasks.fixtures';

const MINUTE = 60_000;

/**
 * Two instances of every service and two gateways on one database and one NATS, as `npm start -- --replicas 2`
 * runs them. `stack.http` sends each request to the other gateway than the last,
 * so every story below hops between them; `stack.gatewayHttp[i]` pins a step to one. Timers run on every
 * replica: each must act once per tick however many replicas tick together.
 */
describe('scale-out: two replicas of everything', () => {
  let stack: Stack;
  let t: OrdersTenant;
  let receiver: WebhookReceiver;
  const streams: SseStream[] = [];
  const http = () => stack.http;
  const [gatewayA, gatewayB] = [() => stack.gatewayHttp[0]!, () => stack.gatewayHttp[1]!];

  beforeAll(async () => {
    // Small pools: twelve service processes share the database's connections (as replicas in production must).
    stack = await Stack.start({ replicas: 2, serviceEnv: { DATABASE_POOL_SIZE: 4 } });
    expect(stack.gateways).toHaveLength(2);
    expect([...stack.instances.values()].every((instances) => instances.length === 2)).toBe(true);
    receiver = await WebhookReceiver.start();
    t = await createOrdersTenant(stack, 'scale');
    const endpoint = await http().post('/api/v1/webhooks', { url: receiver.url, eventTypes: ['workflow.order.*'] }, t.adminToken);
    expect(endpoint.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    for (const stream of streams) await stream.close();
    await stack?.stop();
    await receiver?.stop();
  });

  describe('the stories, each request to the other gateway', () => {
    it('orders: a master sees an order only in the statuses it may see, moves it where it may set it, and no further', async () => {
      const master = await signedInEmployee(stack, t, { firstName: 'Master' });
      await setLevels(stack, t, master.id, { 'New lead': 'none', Diagnostics: 'view', 'In repair': 'set', Ready: 'view' });
      const order = await createOrder(stack, admin(t).token);
      // Twice each: one request per gateway.
      for (let round = 0; round < 2; round++) expect((await http().get(`/api/v1/orders/${order.id}`, master.token)).status).toBe(404);

      expect((await moveOrder(stack, admin(t).token, order.id, t.status.Diagnostics!, order.version)).status).toBe(200);
      for (let round = 0; round < 2; round++) expect((await http().get(`/api/v1/orders/${order.id}`, master.token)).status).toBe(200);
      const list = await http().get('/api/v1/orders', master.token);
      expect(list.body.items.map((item: any) => item.id)).toContain(order.id);

      const repaired = await moveOrder(stack, master.token, order.id, t.status['In repair']!);
      expect([repaired.status, repaired.body.status?.id]).toEqual([200, t.status['In repair']]);
      const refused = await moveOrder(stack, master.token, order.id, t.status.Ready!);
      expect(refused.status).toBe(403);
      const history = await http().get(`/api/v1/orders/${order.id}/history`, admin(t).token);
      expect(history.body.map((entry: any) => [entry.from?.name ?? null, entry.to.name, entry.actorId])).toEqual([
        [null, 'New lead', t.adminId],
        ['New lead', 'Diagnostics', t.adminId],
        ['Diagnostics', 'In repair', master.id],
      ]);
    });

    it('orders: an Idempotency-Key replays on the other gateway: one order', async () => {
      const key = randomUUID();
      const body = { title: 'Laptop, broken hinge' };
      const first = await gatewayA().post('/api/v1/orders', body, t.adminToken, { 'idempotency-key': key });
      const again = await gatewayB().post('/api/v1/orders', body, t.adminToken, { 'idempotency-key': key });
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body.id).toBe(first.body.id);
    });

    it("tasks: the assignee takes its transition, is refused the assigner's, which the assigner takes", async () => {
      const lawyer = await signedInEmployee(stack, t, { firstName: 'Lawyer' });
      const workflow = await createTaskWorkflow(
        stack,
        t,
        [
          ['Open', 'initial'],
          ['In progress', 'active'],
          ['Done', 'final'],
        ],
        [
          ['Open', 'In progress', { roles: [{ role: 'assignee', kind: 'any' }] }],
          ['In progress', 'Done', { roles: [{ role: 'assigner', kind: 'any' }] }],
        ],
      );
      const task = await createTask(stack, t.adminToken, {
        workflowId: workflow.body.id,
        participants: [{ personId: lawyer.id, role: 'assignee' }],
      });
      expect((await moveTask(stack, lawyer.token, task.id, workflow.status['In progress']!)).status).toBe(200);
      const refused = await moveTask(stack, lawyer.token, task.id, workflow.status.Done!);
      expect(refused.status).toBe(403);
      expect((await moveTask(stack, t.adminToken, task.id, workflow.status.Done!)).status).toBe(200);
      for (let round = 0; round < 2; round++) {
        const read = await http().get(`/api/v1/tasks/${task.id}`, lawyer.token);
        expect([read.status, read.body.status?.id]).toEqual([200, workflow.status.Done]);
      }
    });

    it('directory: a department with a head and members reads the same on both gateways', async () => {
      const head = await createEmployee(stack, t, { firstName: 'Head' });
      const member = await createEmployee(stack, t, { firstName: 'Member' });
      const created = await http().post('/api/v1/departments', { name: 'Support', headId: head.id, memberIds: [member.id] }, t.adminToken);
      expect(created.status).toBe(201);
      const added = await http().post(`/api/v1/departments/${created.body.id}/members`, { personIds: [head.id] }, t.adminToken);
      expect(added.status).toBeLessThan(300);
      for (const client of [gatewayA(), gatewayB()]) {
        const department = (await client.get('/api/v1/departments', t.adminToken)).body.find((d: any) => d.id === created.body.id);
        expect(department).toMatchObject({ name: 'Support', headId: head.id });
        expect([...department.memberIds].sort()).toEqual([head.id, member.id].sort());
      }
    });

    it("inquiries: a client's message is routed to the one employee who qualifies; realtime reaches it on either gateway", async () => {
      const branch = (await http().post('/api/v1/branches', { name: 'Main', timeZone: 'UTC' }, t.adminToken)).body.id;
      const rita = await createEmployee(stack, t, { firstName: 'Rita' });
      expect(
        (
          await http().put(
            `/api/v1/staff/${rita.id}/branches`,
            { mainBranchId: branch, additionalBranchIds: [], allBranches: false },
            t.adminToken,
          )
        ).status,
      ).toBe(200);
      await eventually(
        async () =>
          expect((await http().put(`/api/v1/inquiries/reception/${rita.id}`, { mode: 'my_branches' }, t.adminToken)).status).toBe(200),
        {
          timeoutMs: 10_000,
        },
      );
      const ritaToken = (await login(stack, t, rita.email)).body.accessToken as string;
      // Rita has the app open twice: one stream on each gateway.
      const onA = await SseStream.open(gatewayA().baseUrl, ritaToken);
      const onB = await SseStream.open(gatewayB().baseUrl, ritaToken);
      expect([onA.status, onA.body, onB.status, onB.body]).toEqual([200, undefined, 200, undefined]);
      streams.push(onA.stream, onB.stream);

      const client = await http().post(
        '/api/v1/contacts',
        { lastName: 'Client', firstName: 'Scaled', email: `client@${t.slug}.test`, branchId: branch },
        t.adminToken,
      );
      // A client of the same branch without an open inquiry: its dry run shows Rita's presence.
      const probe = await http().post(
        '/api/v1/contacts',
        { lastName: 'Probe', firstName: 'Scaled', email: `probe@${t.slug}.test`, branchId: branch },
        t.adminToken,
      );
      expect([client.status, probe.status]).toEqual([201, 201]);
      await eventually(
        async () => {
          const preview = (await http().get(`/api/v1/inquiries/routing/preview?contactId=${client.body.id}`, t.adminToken)).body;
          expect(preview.candidates.filter((c: any) => c.qualified).map((c: any) => c.personId)).toEqual([rita.id]);
        },
        { timeoutMs: 30_000, intervalMs: 300 },
      );
      const opened = await http().post('/api/v1/inquiries', { contactId: client.body.id, text: 'My phone will not charge' }, t.adminToken);
      expect(opened.body).toMatchObject({ created: true, status: 'assigned', assigneeId: rita.id });
      const reply = await http().post(`/api/v1/conversations/${opened.body.id}/messages`, { text: 'Rita here: which phone?' }, ritaToken);
      expect(reply.status).toBe(201);
      await eventually(() => {
        for (const { stream } of [onA, onB]) {
          expect(stream.of('inquiries.inquiry.assigned.v1', (e) => e.subject === opened.body.id)).toHaveLength(1);
          expect(
            stream.of('inquiries.message.posted.v1', (e) => e.data.conversationId === opened.body.id && e.data.authorKind === 'contact'),
          ).toHaveLength(1);
          expect(stream.of('inquiries.message.posted.v1', (e) => e.data.messageId === reply.body.id)).toHaveLength(1);
        }
      });

      // Sticky release on both replicas' routing clocks at the same instant: routed again once, not twice.
      expect((await http().post('/api/v1/auth/logout', {}, ritaToken)).status).toBe(200);
      await eventually(
        async () => {
          const preview = (await http().get(`/api/v1/inquiries/routing/preview?contactId=${probe.body.id}`, t.adminToken)).body;
          expect(preview.candidates.find((c: any) => c.personId === rita.id)).toMatchObject({
            failed: expect.arrayContaining(['offline']),
          });
        },
        { timeoutMs: 10_000 },
      );
      expect((await http().put('/api/v1/inquiries/settings', { stickyReleaseMinutes: 5 }, t.adminToken)).status).toBe(200);
      const later = new Date(Date.now() + 10 * MINUTE);
      const released = await Promise.all(
        stack.instances.get('inquiries')!.map((instance) => instance.get(RoutingClock).releaseSticky(later)),
      );
      expect(released.reduce((sum, count) => sum + count, 0)).toBe(1);
      expect((await http().get(`/api/v1/inquiries/${opened.body.id}`, t.adminToken)).body).toMatchObject({
        status: 'waiting',
        assigneeId: null,
      });
      const requeued = await readEvents(InquiryRequeuedV1.type, (event) => event.subject === opened.body.id, {
        atLeast: 2,
        timeoutMs: 1500,
      });
      expect(requeued).toHaveLength(1);
    });
  });

  it('presence sweeps of both identity replicas at once take a silent person offline once, with one event', async () => {
    const employee = await createEmployee(stack, t, { firstName: 'Silent' });
    expect((await login(stack, t, employee.email)).status).toBe(200);
    const database = new Client({ connectionString: testEnv().databaseUrl });
    await database.connect();
    try {
      // Silent for an hour, as far as the sweeps can tell.
      await database.query(`UPDATE identity.persons SET last_seen_at = now() - interval '1 hour' WHERE id = $1`, [employee.id]);
    } finally {
      await database.end();
    }
    await Promise.all(stack.instances.get('identity')!.map((instance) => instance.get(PresenceSweeper).sweep()));
    expect((await http().get(`/api/v1/staff/${employee.id}`, t.adminToken)).body.systemStatus).toBe('offline');
    const events = await readEvents<PresenceChangedV1>(PresenceChangedV1.type, (event) => event.subject === employee.id, {
      atLeast: 3,
      timeoutMs: 1500,
    });
    expect(events.map((event) => event.data.presence)).toEqual(['online', 'offline']);
  });

  it('a right taken away through one gateway is refused at once through the other, and given back the same way', async () => {
    const employee = await signedInEmployee(stack, t, { firstName: 'Cached' });
    const [a, b] = [gatewayA(), gatewayB()];
    for (let round = 0; round < 5; round++) {
      const [from, to] = round % 2 === 0 ? [a, b] : [b, a];
      // Both gateways hold the decision "allowed".
      for (const client of [a, b]) expect((await client.get('/api/v1/staff', employee.token)).status).toBe(200);
      expect((await from.put(`/api/v1/staff/${employee.id}/rights`, { right: 'staff.read', effect: 'deny' }, t.adminToken)).status).toBe(
        200,
      );
      const refused = await to.get('/api/v1/staff', employee.token);
      expect([refused.status, refused.body.code]).toEqual([403, 'RIGHT.DENIED_PERSONALLY']);
      expect((await from.get('/api/v1/staff', employee.token)).status).toBe(403);
      expect((await to.put(`/api/v1/staff/${employee.id}/rights`, { right: 'staff.read', effect: null }, t.adminToken)).status).toBe(200);
      expect((await from.get('/api/v1/staff', employee.token)).status).toBe(200);
    }
  });

  it('every order event reached the stream once and the webhook receiver once, though two relays and two dispatchers ran', async () => {
    const events = await readEvents('workflow.order.>', (event) => event.tenantid === t.tenantId, { atLeast: 4 });
    const ids = events.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    await eventually(
      () =>
        expect(
          receiver
            .accepted()
            .map((request) => request.event.id)
            .sort(),
        ).toEqual([...ids].sort()),
      { timeoutMs: 10_000 },
    );
    // Nothing more arrives: no delivery was sent twice.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.received.map((request) => request.event.id).sort()).toEqual([...ids].sort());
  });
});
