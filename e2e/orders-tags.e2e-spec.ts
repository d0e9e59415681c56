import { OrderCreatedV1, OrderTagsChangedV1 } from '@warden/contracts';
import { eventually, readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createOrder, createOrdersTenant, moveOrder, setLevels, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

/**
 * Tags on tickets (docs/rules.md#orders), as helpdesk people use them: set when a ticket is opened, replaced whole
 * through PATCH, recorded in the history and on the bus, and used to find tickets (`GET /orders?tag=`).
 */
describe('orders: tags', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let other: OrdersTenant;
  let master: Person;
  let printer: any;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'tag');
    other = await createOrdersTenant(stack, 'tah');
    // The master does not see new leads: the list filter by tag keeps to what the caller sees.
    master = await signedInEmployee(stack, tenant, { firstName: 'Oleg', position: 'Master' });
    await setLevels(stack, tenant, master.id, { 'New lead': 'none' });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  async function history(orderId: string): Promise<any[]> {
    const response = await stack.http.get(`/api/v1/orders/${orderId}/history`, tenant.adminToken);
    expect(response.status).toBe(200);
    return response.body;
  }

  it('an order is created with its tags trimmed, lower-cased, sorted and without repeats; none by default', async () => {
    printer = await createOrder(stack, tenant.adminToken, { title: 'Printer jams', tags: [' VIP ', 'Printer', 'vip'] });
    expect(printer.tags).toEqual(['printer', 'vip']);
    expect((await stack.http.get(`/api/v1/orders/${printer.id}`, tenant.adminToken)).body.tags).toEqual(['printer', 'vip']);
    const [created] = await readEvents(OrderCreatedV1.type, (event) => event.subject === printer.id);
    expect(created.data.tags).toEqual(['printer', 'vip']);

    const plain = await createOrder(stack, tenant.adminToken, { title: 'No tags' });
    expect(plain.tags).toEqual([]);
    // Creation is one history entry, as before; its tags are the order's.
    expect((await history(printer.id)).map((entry) => entry.kind)).toEqual(['status']);
  });

  it('PATCH replaces the whole set; the history and the event record what it added and removed, and who', async () => {
    const replaced = await stack.http.patch(
      `/api/v1/orders/${printer.id}`,
      { tags: ['VIP', 'billing:refund'], version: printer.version },
      tenant.adminToken,
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ tags: ['billing:refund', 'vip'], version: printer.version + 1 });

    // The same set again, or another field alone, changes no tags: no entry, no event.
    expect((await stack.http.patch(`/api/v1/orders/${printer.id}`, { tags: ['vip', 'billing:refund'] }, tenant.adminToken)).status).toBe(
      200,
    );
    expect((await stack.http.patch(`/api/v1/orders/${printer.id}`, { title: 'Printer jams again' }, tenant.adminToken)).body.tags).toEqual([
      'billing:refund',
      'vip',
    ]);
    const cleared = await stack.http.patch(`/api/v1/orders/${printer.id}`, { tags: [] }, tenant.adminToken);
    expect(cleared.body.tags).toEqual([]);

    const entries = await history(printer.id);
    expect(entries.map((entry) => [entry.kind, entry.actorId, entry.tags, entry.automation])).toEqual([
      ['status', tenant.adminId, null, null],
      ['tags', tenant.adminId, { added: ['billing:refund'], removed: ['printer'] }, null],
      ['tags', tenant.adminId, { added: [], removed: ['billing:refund', 'vip'] }, null],
    ]);
    // The status stays.
    expect(entries[1]).toMatchObject({ from: { name: 'New lead' }, to: { name: 'New lead' }, responsible: null, department: null });

    const changes = await readEvents(OrderTagsChangedV1.type, (event) => event.subject === printer.id, { atLeast: 2 });
    expect(changes.map((event) => event.data)).toEqual([
      expect.objectContaining({
        orderId: printer.id,
        number: printer.number,
        tags: ['billing:refund', 'vip'],
        added: ['billing:refund'],
        removed: ['printer'],
        actorId: tenant.adminId,
        automationRuleId: null,
      }),
      expect.objectContaining({ tags: [], added: [], removed: ['billing:refund', 'vip'] }),
    ]);
  });

  it('bad tags are 422 naming the tag, and change nothing', async () => {
    const before = (await stack.http.get(`/api/v1/orders/${printer.id}`, tenant.adminToken)).body;
    const twentyOne = Array.from({ length: 21 }, (_, index) => `tag-${index}`);
    const cases: Array<[unknown, string, string]> = [
      [['vip', 'not a tag!'], 'tags.1', 'ORDER.TAG_INVALID'],
      [['x'.repeat(51)], 'tags.0', 'ORDER.TAG_INVALID'],
      [['   '], 'tags.0', 'ORDER.TAG_INVALID'],
      [['ok', 'a/b', '#vip'], 'tags.1', 'ORDER.TAG_INVALID'],
      [twentyOne, 'tags', 'ORDER.TOO_MANY_TAGS'],
      ['vip', 'tags', 'REQUEST.INVALID'],
      [null, 'tags', 'REQUEST.INVALID'],
      [[42], 'tags', 'REQUEST.INVALID'],
    ];
    for (const [tags, field, code] of cases) {
      const refused = await stack.http.patch(`/api/v1/orders/${printer.id}`, { tags }, tenant.adminToken);
      expect([field, refused.status, refused.body.code]).toEqual([field, 422, code]);
      expect(refused.body.errors.map((error: any) => error.field)).toContain(field);
    }
    // Twenty different tags are fine, however often one is repeated.
    const twenty = await stack.http.patch(`/api/v1/orders/${printer.id}`, { tags: [...twentyOne.slice(1), 'TAG-1'] }, tenant.adminToken);
    expect([twenty.status, twenty.body.tags.length]).toEqual([200, 20]);
    const after = (await stack.http.get(`/api/v1/orders/${printer.id}`, tenant.adminToken)).body;
    expect(after.version).toBe(before.version + 1);

    const badCreate = await stack.http.post('/api/v1/orders', { title: 'Bad tags', tags: ['ok', 'not ok'] }, tenant.adminToken);
    expect([badCreate.status, badCreate.body.code, badCreate.body.errors[0].field]).toEqual([422, 'ORDER.TAG_INVALID', 'tags.1']);
  });

  it('?tag= lists only the orders with that tag among those the caller sees, and counts them', async () => {
    const repaired = await createOrder(stack, tenant.adminToken, { title: 'VIP laptop', tags: ['vip', 'laptop'] });
    expect((await moveOrder(stack, tenant.adminToken, repaired.id, tenant.status.Diagnostics)).status).toBe(200);
    const lead = await createOrder(stack, tenant.adminToken, { title: 'VIP lead', tags: ['vip'] });
    const untagged = await createOrder(stack, tenant.adminToken, { title: 'Plain laptop', tags: ['laptop'] });
    expect((await moveOrder(stack, tenant.adminToken, untagged.id, tenant.status.Diagnostics)).status).toBe(200);

    const list = async (query: string, token = tenant.adminToken): Promise<any> => {
      const response = await stack.http.get(`/api/v1/orders?${query}`, token);
      expect(response.status).toBe(200);
      return { ids: response.body.items.map((order: any) => order.id), total: response.body.total };
    };
    expect(await list('tag=VIP')).toEqual({ ids: [lead.id, repaired.id], total: 2 });
    expect(await list(`tag=vip&status=${tenant.status.Diagnostics}`)).toEqual({ ids: [repaired.id], total: 1 });
    expect(await list('tag=laptop&search=VIP')).toEqual({ ids: [repaired.id], total: 1 });
    expect(await list('tag=nobody')).toEqual({ ids: [], total: 0 });
    // The master does not see new leads: the tagged lead is not found, nor counted.
    await eventually(async () => expect(await list('tag=vip', master.token)).toEqual({ ids: [repaired.id], total: 1 }));
    // Another tenant's tags are its own.
    expect(await list('tag=vip', other.adminToken)).toEqual({ ids: [], total: 0 });

    for (const bad of ['not%20a%20tag!', 'a%2Fb']) {
      const refused = await stack.http.get(`/api/v1/orders?tag=${bad}`, tenant.adminToken);
      expect([refused.status, refused.body.code, refused.body.errors[0].field]).toEqual([422, 'ORDER.TAG_INVALID', 'tag']);
    }
  });

  it('changing tags needs orders.update, as any field change does; an order one does not see is 404', async () => {
    const clerk = await signedInEmployee(stack, tenant, { firstName: 'Clara', position: 'Clerk' });
    const order = await createOrder(stack, tenant.adminToken, { title: 'Clerk may look', tags: ['vip'] });
    expect((await stack.http.patch(`/api/v1/orders/${order.id}`, { tags: ['mine'] }, clerk.token)).status).toBe(200);
    const denied = await stack.http.put(`/api/v1/staff/${clerk.id}/rights`, { right: 'orders.update', effect: 'deny' }, tenant.adminToken);
    expect(denied.status).toBe(200);
    await eventually(async () => {
      const refused = await stack.http.patch(`/api/v1/orders/${order.id}`, { tags: ['vip'] }, clerk.token);
      expect([refused.status, refused.body.code]).toEqual([403, 'RIGHT.DENIED_PERSONALLY']);
    });
    expect((await stack.http.get(`/api/v1/orders/${order.id}`, tenant.adminToken)).body.tags).toEqual(['mine']);
    expect((await stack.http.patch(`/api/v1/orders/${order.id}`, { tags: ['stolen'] }, other.adminToken)).status).toBe(404);
  });
});
