import { OrderCreatedV1, OrderTransferredV1 } from '@warden/contracts';
import { eventually, readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createOrder, createOrdersTenant, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

/** Directory events reach permissions (and policy changes the gateway) asynchronously; a busy machine may take a while. */
const SLOW = { timeoutMs: 20_000 };
jest.setTimeout(60_000);
/**
 * The department rules of docs/rules.md#orders over HTTP: an IT support agent and an accountant each see their own department's
 * tickets, the head of support sees both, a ticket arriving on the accounting channel lands in
 * accounting, and an agent who hands a ticket over to accounting loses sight of it.
 */
describe('orders by department: visibility, inbound tickets, transfers', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let other: OrdersTenant;
  let agent: Person;
  let accountant: Person;
  let head: Person;
  let deputy: Person;
  let support: any;
  let accounting: any;
  let field: any;
  let itTicket: any;
  let accTicket: any;
  let shared: any;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'odp');
    other = await createOrdersTenant(stack, 'odq');
    agent = await signedInEmployee(stack, tenant, { firstName: 'Ivan', position: 'IT support agent' });
    accountant = await signedInEmployee(stack, tenant, { firstName: 'Anna', position: 'Accountant' });
    head = await signedInEmployee(stack, tenant, { firstName: 'Helen', position: 'Head of support' });
    deputy = await signedInEmployee(stack, tenant, { firstName: 'Denis', position: 'Deputy head' });
    support = await post('/api/v1/departments', { name: 'IT support', memberIds: [agent.id] });
    accounting = await post('/api/v1/departments', { name: 'Accounting', memberIds: [accountant.id] });
    field = await post('/api/v1/departments', { name: 'Field service' });
    // The head sees every department through a group; the deputy through a personal grant.
    const heads = await post('/api/v1/groups', { name: 'Support heads', rights: ['departments.all'] });
    await post(`/api/v1/groups/${heads.id}/members`, { personIds: [head.id] }, 200);
    const granted = await stack.http.put(
      `/api/v1/staff/${deputy.id}/rights`,
      { right: 'departments.all', effect: 'allow' },
      tenant.adminToken,
    );
    expect(granted.status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  function post(path: string, body: Record<string, unknown>, expected = 201, token = tenant.adminToken): Promise<any> {
    return stack.http.postExpecting(path, body, token, expected);
  }

  async function listed(person: Person, query = ''): Promise<{ ids: string[]; total: number }> {
    const response = await stack.http.get(`/api/v1/orders?limit=100${query}`, person.token);
    expect(response.status).toBe(200);
    return { ids: response.body.items.map((order: any) => order.id), total: response.body.total };
  }

  it('an order names a department of the tenant; another tenant’s or an unknown one is refused naming the field', async () => {
    const foreign = await stack.http.post('/api/v1/departments', { name: 'Foreign' }, other.adminToken);
    for (const departmentId of [foreign.body.id, '01900000-0000-7000-8000-000000000000']) {
      const refused = await stack.http.post('/api/v1/orders', { title: 'Nope', departmentId }, tenant.adminToken);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'DEPARTMENT.UNKNOWN', errors: [{ field: 'departmentId' }] });
    }
    const malformed = await stack.http.post('/api/v1/orders', { title: 'Nope', departmentId: 'it' }, tenant.adminToken);
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors).toContainEqual(expect.objectContaining({ field: 'departmentId' }));
  });

  it("an IT support agent does not see accounting's tickets and vice versa; orders without a department are everyone's", async () => {
    itTicket = await createOrder(stack, tenant.adminToken, { title: 'VPN does not connect', departmentId: support.id });
    accTicket = await createOrder(stack, tenant.adminToken, { title: 'Invoice 42 is wrong', departmentId: accounting.id });
    shared = await createOrder(stack, tenant.adminToken, { title: 'Office moves on Monday' });
    expect(itTicket).toMatchObject({ departmentId: support.id, clientContactId: null, clientCompanyId: null, equipmentId: null });
    expect(shared.departmentId).toBeNull();

    // Department membership reaches permissions as an event: wait for it once.
    await eventually(async () => expect((await listed(agent)).ids).toContain(itTicket.id), SLOW);
    expect(await listed(agent)).toEqual({ ids: [shared.id, itTicket.id], total: 2 });
    expect(await listed(accountant)).toEqual({ ids: [shared.id, accTicket.id], total: 2 });

    for (const path of [
      `/api/v1/orders/${accTicket.id}`,
      `/api/v1/orders/${accTicket.id}/history`,
      `/api/v1/orders/${accTicket.id}/transitions`,
    ]) {
      const hidden = await stack.http.get(path, agent.token);
      expect([path, hidden.status, hidden.body.code]).toEqual([path, 404, 'ORDER.NOT_FOUND']);
    }
    const move = await stack.http.post(`/api/v1/orders/${accTicket.id}/status`, { statusId: tenant.status.Contacted }, agent.token);
    expect(move.status).toBe(404);
    const patch = await stack.http.patch(`/api/v1/orders/${accTicket.id}`, { title: 'Mine now' }, agent.token);
    expect(patch.status).toBe(404);
    expect((await stack.http.get(`/api/v1/orders/${itTicket.id}`, accountant.token)).status).toBe(404);
    expect((await stack.http.get(`/api/v1/orders/${itTicket.id}`, agent.token)).status).toBe(200);
    expect((await stack.http.post(`/api/v1/orders/${itTicket.id}/status`, { statusId: tenant.status.Contacted }, agent.token)).status).toBe(
      200,
    );

    // Filtering by a department narrows what one sees; it never widens it.
    expect(await listed(agent, `&departmentId=${accounting.id}`)).toEqual({ ids: [], total: 0 });
    expect(await listed(agent, `&departmentId=${support.id}`)).toEqual({ ids: [itTicket.id], total: 1 });
    expect(await listed(agent, '&search=Invoice')).toEqual({ ids: [], total: 0 });
  });

  it('the head of support (group right) and the deputy (personal grant) see both departments', async () => {
    for (const person of [head, deputy]) {
      await eventually(async () => expect((await listed(person)).ids).toEqual([shared.id, accTicket.id, itTicket.id]), SLOW);
      expect((await listed(person)).total).toBe(3);
      expect((await stack.http.get(`/api/v1/orders/${accTicket.id}`, person.token)).status).toBe(200);
      expect((await stack.http.get(`/api/v1/orders/${itTicket.id}`, person.token)).status).toBe(200);
    }
  });

  it('explain shows the department steps of a refusal and of an allowance', async () => {
    const resource = (order: any) =>
      encodeURIComponent(
        JSON.stringify({
          type: 'order',
          statusId: order.status.id,
          departmentId: order.departmentId,
          clientCompanyId: null,
          clientContactId: null,
        }),
      );
    const refused = await stack.http.get(
      `/api/v1/permissions/explain?personId=${agent.id}&action=orders.read&resource=${resource(accTicket)}`,
      tenant.adminToken,
    );
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ allowed: false, code: 'ORDER.OTHER_DEPARTMENT' });
    expect(refused.body.steps.map((step: any) => `${step.rule}:${step.effect}`)).toEqual(
      expect.arrayContaining(['status.view:allow', 'order.department:none', 'order.client-manager:deny']),
    );
    const allowed = await stack.http.get(
      `/api/v1/permissions/explain?personId=${head.id}&action=orders.read&resource=${resource(accTicket)}`,
      tenant.adminToken,
    );
    expect(allowed.body).toMatchObject({ allowed: true, code: 'ALLOWED.STATUS_VIEW' });
    const department = allowed.body.steps.find((step: any) => step.rule === 'order.department');
    expect(department).toMatchObject({ effect: 'allow', detail: expect.stringContaining("'Support heads'") });
  });

  it('a ticket arriving on the accounting channel lands in accounting, once per message, with the sender as client', async () => {
    const channel = await post('/api/v1/channels', {
      kind: 'email',
      address: `billing@${tenant.slug}.test`,
      name: 'Billing mail',
      departmentId: accounting.id,
    });
    const message = {
      messageId: 'mail-1',
      from: { email: 'olga@client.test', name: 'Olga Ivanova' },
      subject: 'Refund for March',
      text: 'Please refund the March invoice.',
    };
    const received = await post(`/api/v1/channels/${channel.id}/inbound`, message);
    await post(`/api/v1/channels/${channel.id}/inbound`, message, 200);

    const ticket = await eventually(async () => {
      const page = await stack.http.get('/api/v1/orders?search=Refund', accountant.token);
      expect(page.body.items).toHaveLength(1);
      return page.body.items[0];
    }, SLOW);
    expect(ticket).toMatchObject({
      title: 'Refund for March',
      description: 'Please refund the March invoice.',
      departmentId: accounting.id,
      clientContactId: received.contactId,
      clientCompanyId: null,
      inboundMessageId: received.inboundMessageId,
      channelId: channel.id,
      status: { name: 'New lead' },
      createdBy: null,
    });
    expect((await stack.http.get(`/api/v1/orders/${ticket.id}`, agent.token)).status).toBe(404);
    expect((await listed(agent, '&search=Refund')).total).toBe(0);

    // A message without a subject is titled by its first words.
    await post(`/api/v1/channels/${channel.id}/inbound`, {
      messageId: 'mail-2',
      from: { email: 'olga@client.test' },
      text: 'The act of reconciliation for the second quarter is missing two payments',
    });
    const untitled = await eventually(async () => {
      const page = await stack.http.get('/api/v1/orders?search=reconciliation', accountant.token);
      expect(page.body.items).toHaveLength(1);
      return page.body.items[0];
    }, SLOW);
    expect(untitled.title).toBe('The act of reconciliation for the second quarter…');

    const created = await readEvents(OrderCreatedV1.type, (event) => event.data.inboundMessageId === received.inboundMessageId);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      tenantid: tenant.tenantId,
      subject: ticket.id,
      data: { departmentId: accounting.id, clientContactId: received.contactId },
    });
    // Accepted twice, still one ticket.
    expect((await stack.http.get('/api/v1/orders?search=Refund', head.token)).body.total).toBe(1);
  });

  it('the agent transfers a ticket to accounting and loses sight of it; the answer says so, and accounting has it with its history', async () => {
    const before = await listed(agent);
    const fresh = (await stack.http.get(`/api/v1/orders/${itTicket.id}`, agent.token)).body;
    // Accounting is not the agent's department: without 'orders.transfer-anywhere' it may not hand tickets there...
    const refused = await stack.http.post(`/api/v1/orders/${itTicket.id}/transfer`, { departmentId: accounting.id }, agent.token);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'ORDER.TRANSFER_TARGET_NOT_VISIBLE',
      detail: expect.stringContaining('orders.transfer-anywhere'),
    });
    expect((await stack.http.get(`/api/v1/orders/${itTicket.id}`, agent.token)).body.version).toBe(fresh.version);
    // ...with it, it may.
    const granted = await stack.http.put(
      `/api/v1/staff/${agent.id}/rights`,
      { right: 'orders.transfer-anywhere', effect: 'allow' },
      tenant.adminToken,
    );
    expect(granted.status).toBe(200);

    const stale = await stack.http.post(
      `/api/v1/orders/${itTicket.id}/transfer`,
      { departmentId: accounting.id, version: fresh.version - 1 },
      agent.token,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('ORDER.VERSION_MISMATCH');

    const moved = await stack.http.post(
      `/api/v1/orders/${itTicket.id}/transfer`,
      { departmentId: accounting.id, version: fresh.version },
      agent.token,
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({
      order: null,
      visibleToYou: false,
      departmentId: accounting.id,
      message: 'Transferred to Accounting; you no longer see this order',
    });

    const gone = await stack.http.get(`/api/v1/orders/${itTicket.id}`, agent.token);
    expect([gone.status, gone.body.code]).toEqual([404, 'ORDER.NOT_FOUND']);
    const after = await listed(agent);
    expect(after.ids).not.toContain(itTicket.id);
    expect(after.total).toBe(before.total - 1);
    const again = await stack.http.post(`/api/v1/orders/${itTicket.id}/transfer`, { departmentId: support.id }, agent.token);
    expect(again.status).toBe(404);

    const there = await stack.http.get(`/api/v1/orders/${itTicket.id}`, accountant.token);
    expect(there.status).toBe(200);
    expect(there.body).toMatchObject({ departmentId: accounting.id, version: fresh.version + 1, status: { id: fresh.status.id } });
    const history = (await stack.http.get(`/api/v1/orders/${itTicket.id}/history`, accountant.token)).body;
    const transfer = history[history.length - 1];
    expect(transfer).toMatchObject({
      kind: 'transfer',
      from: { id: fresh.status.id },
      to: { id: fresh.status.id },
      actorId: agent.id,
      department: { from: support.id, to: accounting.id },
      decision: { code: 'ALLOWED.TRANSFER', policyVersion: expect.any(Number) },
    });
    expect(history[0]).toMatchObject({ kind: 'status', department: null });

    const [event] = await readEvents(OrderTransferredV1.type, (candidate) => candidate.subject === itTicket.id);
    expect(event).toMatchObject({
      type: 'workflow.order.transferred.v1',
      tenantid: tenant.tenantId,
      data: {
        orderId: itTicket.id,
        number: itTicket.number,
        fromDepartmentId: support.id,
        toDepartmentId: accounting.id,
        actorId: agent.id,
      },
    });
    expect(event!.data.policyVersion).toBeGreaterThan(0);
  });

  it('a transfer into a department one still sees answers with the order; bad targets are refused clearly', async () => {
    const order = await createOrder(stack, tenant.adminToken, { title: 'Printer jam' });
    const kept = await stack.http.post(`/api/v1/orders/${order.id}/transfer`, { departmentId: support.id }, agent.token);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({
      visibleToYou: true,
      departmentId: support.id,
      message: 'Transferred to IT support',
      order: { id: order.id, departmentId: support.id },
    });

    const same = await stack.http.post(`/api/v1/orders/${order.id}/transfer`, { departmentId: support.id }, agent.token);
    expect([same.status, same.body.code]).toEqual([409, 'ORDER.ALREADY_IN_DEPARTMENT']);
    const foreign = (await stack.http.get('/api/v1/departments', other.adminToken)).body[0];
    for (const departmentId of [foreign.id, '01900000-0000-7000-8000-000000000000']) {
      const unknown = await stack.http.post(`/api/v1/orders/${order.id}/transfer`, { departmentId }, agent.token);
      expect(unknown.status).toBe(422);
      expect(unknown.body).toMatchObject({ code: 'DEPARTMENT.UNKNOWN', errors: [{ field: 'departmentId' }] });
    }
    const missing = await stack.http.post(`/api/v1/orders/${order.id}/transfer`, {}, agent.token);
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ field: 'departmentId' }));
    const viaPatch = await stack.http.patch(`/api/v1/orders/${order.id}`, { departmentId: field.id }, agent.token);
    expect([viaPatch.status, viaPatch.body.code]).toEqual([422, 'ORDER.USE_TRANSFER']);
    const samePatch = await stack.http.patch(
      `/api/v1/orders/${order.id}`,
      { departmentId: support.id, title: 'Printer jam, 2nd floor' },
      agent.token,
    );
    expect(samePatch.status).toBe(200);

    // Without the transfer right at all: 403 from the route's right.
    const plain = await signedInEmployee(stack, tenant);
    await stack.http.put(`/api/v1/staff/${plain.id}/rights`, { right: 'orders.transfer', effect: 'deny' }, tenant.adminToken);
    const denied = await stack.http.post(`/api/v1/orders/${shared.id}/transfer`, { departmentId: support.id }, plain.token);
    expect([denied.status, denied.body.code]).toEqual([403, 'RIGHT.DENIED_PERSONALLY']);
  });

  it('joining or leaving a department changes what one sees on the very next request after the change reaches permissions', async () => {
    const order = await createOrder(stack, tenant.adminToken, { title: 'Field visit', departmentId: field.id });
    expect((await stack.http.get(`/api/v1/orders/${order.id}`, accountant.token)).status).toBe(404); // decision now cached
    await post(`/api/v1/departments/${field.id}/members`, { personIds: [accountant.id] }, 200);
    await eventually(async () => expect((await stack.http.get(`/api/v1/orders/${order.id}`, accountant.token)).status).toBe(200), SLOW);
    expect((await listed(accountant)).ids).toContain(order.id);

    const left = await stack.http.delete(`/api/v1/departments/${field.id}/members/${accountant.id}`, tenant.adminToken);
    expect(left.status).toBe(200);
    await eventually(async () => expect((await stack.http.get(`/api/v1/orders/${order.id}`, accountant.token)).status).toBe(404), SLOW);
    expect((await listed(accountant)).ids).not.toContain(order.id);
  });

  it("a department's head sees its orders without being a member, and stops when someone else becomes head", async () => {
    const lead = await signedInEmployee(stack, tenant, { firstName: 'Lena', position: 'Head of field service' });
    const order = await createOrder(stack, tenant.adminToken, { title: 'Boiler check', departmentId: field.id });
    expect((await stack.http.get(`/api/v1/orders/${order.id}`, lead.token)).status).toBe(404);

    const appointed = await stack.http.patch(`/api/v1/departments/${field.id}`, { headId: lead.id }, tenant.adminToken);
    expect(appointed.status).toBe(200);
    expect(appointed.body.memberIds).not.toContain(lead.id);
    await eventually(async () => expect((await stack.http.get(`/api/v1/orders/${order.id}`, lead.token)).status).toBe(200), SLOW);
    expect((await listed(lead)).ids).toContain(order.id);

    expect((await stack.http.patch(`/api/v1/departments/${field.id}`, { headId: null }, tenant.adminToken)).status).toBe(200);
    await eventually(async () => expect((await stack.http.get(`/api/v1/orders/${order.id}`, lead.token)).status).toBe(404), SLOW);
    expect((await listed(lead)).ids).not.toContain(order.id);
  });

  it('tenant isolation: another tenant sees none of these orders, cannot transfer them, and its lists are untouched', async () => {
    const t = other.adminToken;
    const answers = await Promise.all([
      stack.http.get(`/api/v1/orders/${accTicket.id}`, t),
      stack.http.get(`/api/v1/orders/${accTicket.id}/history`, t),
      stack.http.post(
        `/api/v1/orders/${accTicket.id}/transfer`,
        { departmentId: (await stack.http.get('/api/v1/departments', t)).body[0].id },
        t,
      ),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404]);
    const theirs = await stack.http.get('/api/v1/orders?limit=100', t);
    expect(theirs.body).toMatchObject({ items: [], total: 0 });
    const scoped = await stack.http.get(`/api/v1/orders?departmentId=${accounting.id}`, t);
    expect(scoped.body.total).toBe(0);
  });
});
