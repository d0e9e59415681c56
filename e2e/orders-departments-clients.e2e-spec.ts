import { CompanyClientManagersChangedV1, OrderCreatedV1 } from '@warden/contracts';
import { eventually, readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createPortalContact } from './contact.fixtures';
import type { PortalContactFixture } from './contact.fixtures';
import { createOrder, createOrdersTenant, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

/** Directory events reach permissions (and policy changes the gateway) asynchronously; a busy machine may take a while. */
const SLOW = { timeoutMs: 20_000 };
jest.setTimeout(60_000);
/**
 * Clients and their companies on orders (docs/rules.md#orders): a client signed in to the portal sees only
 * its own orders, the company's client manager sees all of the company's, a company shows the
 * history of its orders, and an order may name equipment only of its client's company.
 */
describe('orders and clients: own orders, client managers, company history, equipment', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let other: OrdersTenant;
  let manager: Person;
  let agent: Person;
  let support: any;
  let accounting: any;
  let acme: any;
  let globex: any;
  let client: PortalContactFixture;
  let colleague: PortalContactFixture;
  let stranger: any;
  let own: any;
  let colleagues: any;
  let strangers: any;
  let printer: any;
  let foreignPrinter: any;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'odc');
    other = await createOrdersTenant(stack, 'odd');
    manager = await signedInEmployee(stack, tenant, { firstName: 'Mark', position: 'Account manager' });
    agent = await signedInEmployee(stack, tenant, { firstName: 'Ivan', position: 'IT support agent' });
    support = await post('/api/v1/departments', { name: 'IT support', memberIds: [agent.id] });
    accounting = await post('/api/v1/departments', { name: 'Accounting' });
    acme = await post('/api/v1/companies', { name: 'Acme', clientManagerIds: [manager.id] });
    globex = await post('/api/v1/companies', { name: 'Globex' });
    client = await createPortalContact(stack, tenant, { companyId: acme.id });
    colleague = await createPortalContact(stack, tenant, { companyId: acme.id });
    stranger = await post('/api/v1/contacts', {
      lastName: 'Stranger',
      firstName: 'Sam',
      email: `sam@${tenant.slug}.test`,
      companyId: globex.id,
    });
    printer = await post('/api/v1/equipment', { companyId: acme.id, name: 'Printer', serialNumber: 'PR-1' });
    foreignPrinter = await post('/api/v1/equipment', { companyId: globex.id, name: 'Printer', serialNumber: 'PR-2' });

    own = await createOrder(stack, tenant.adminToken, {
      title: 'Acme: invoice question',
      departmentId: accounting.id,
      clientContactId: client.id,
    });
    colleagues = await createOrder(stack, tenant.adminToken, {
      title: 'Acme: printer broken',
      departmentId: support.id,
      clientContactId: colleague.id,
      equipmentId: printer.id,
    });
    strangers = await createOrder(stack, tenant.adminToken, {
      title: 'Globex: printer broken',
      departmentId: support.id,
      clientContactId: stranger.id,
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  function post(path: string, body: Record<string, unknown>, expected = 201, token = tenant.adminToken): Promise<any> {
    return stack.http.postExpecting(path, body, token, expected);
  }

  async function listed(token: string, path = '/api/v1/orders'): Promise<{ ids: string[]; total: number }> {
    const response = await stack.http.get(`${path}?limit=100`, token);
    expect(response.status).toBe(200);
    return { ids: response.body.items.map((order: any) => order.id), total: response.body.total };
  }

  it('an order records the client contact, its company and equipment of that company', async () => {
    expect(own).toMatchObject({ clientContactId: client.id, clientCompanyId: acme.id, departmentId: accounting.id, equipmentId: null });
    expect(colleagues).toMatchObject({ clientContactId: colleague.id, clientCompanyId: acme.id, equipmentId: printer.id });
    expect(strangers).toMatchObject({ clientContactId: stranger.id, clientCompanyId: globex.id });
    const [created] = await readEvents(OrderCreatedV1.type, (event) => event.subject === colleagues.id);
    expect(created!.data).toMatchObject({
      clientContactId: colleague.id,
      clientCompanyId: acme.id,
      equipmentId: printer.id,
      departmentId: support.id,
    });
  });

  it("equipment of another company, equipment without a client, and another tenant's ids are refused naming the field; nothing is written", async () => {
    const before = (await listed(tenant.adminToken)).total;
    const foreignContact = await stack.http.post(
      '/api/v1/contacts',
      { lastName: 'Far', firstName: 'Away', email: `far@${other.slug}.test` },
      other.adminToken,
    );
    const foreignCompany = await stack.http.post('/api/v1/companies', { name: 'Initech' }, other.adminToken);
    const foreignEquipment = await stack.http.post(
      '/api/v1/equipment',
      { companyId: foreignCompany.body.id, name: 'Server' },
      other.adminToken,
    );
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ clientContactId: client.id, equipmentId: foreignPrinter.id }, 'equipmentId', 'ORDER.EQUIPMENT_OTHER_COMPANY'],
      [{ equipmentId: printer.id }, 'equipmentId', 'ORDER.EQUIPMENT_WITHOUT_CLIENT_COMPANY'],
      [{ clientContactId: client.id, equipmentId: foreignEquipment.body.id }, 'equipmentId', 'EQUIPMENT.UNKNOWN'],
      [{ clientContactId: foreignContact.body.id }, 'clientContactId', 'CONTACT.UNKNOWN'],
      [{ clientContactId: '01900000-0000-7000-8000-000000000000' }, 'clientContactId', 'CONTACT.UNKNOWN'],
    ];
    for (const [fields, field, code] of cases) {
      const refused = await stack.http.post('/api/v1/orders', { title: 'Refused', ...fields }, tenant.adminToken);
      expect([field, refused.status, refused.body.code, refused.body.errors]).toEqual([
        field,
        422,
        code,
        [expect.objectContaining({ field })],
      ]);
    }
    expect((await listed(tenant.adminToken)).total).toBe(before);

    // PATCH keeps the same rule: the equipment must follow the client.
    const order = await createOrder(stack, tenant.adminToken, { title: 'Scanner', clientContactId: client.id, equipmentId: printer.id });
    const toStranger = await stack.http.patch(`/api/v1/orders/${order.id}`, { clientContactId: stranger.id }, tenant.adminToken);
    expect([toStranger.status, toStranger.body.code]).toEqual([422, 'ORDER.EQUIPMENT_OTHER_COMPANY']);
    const withEquipment = await stack.http.patch(
      `/api/v1/orders/${order.id}`,
      { clientContactId: stranger.id, equipmentId: foreignPrinter.id },
      tenant.adminToken,
    );
    expect(withEquipment.status).toBe(200);
    expect(withEquipment.body).toMatchObject({
      clientContactId: stranger.id,
      clientCompanyId: globex.id,
      equipmentId: foreignPrinter.id,
      version: order.version + 1,
    });
    const cleared = await stack.http.patch(`/api/v1/orders/${order.id}`, { clientContactId: null, equipmentId: null }, tenant.adminToken);
    expect(cleared.body).toMatchObject({ clientContactId: null, clientCompanyId: null, equipmentId: null });
  });

  it('a client signed in to the portal sees only its own orders, whatever their department', async () => {
    expect(await listed(client.token)).toEqual({ ids: [own.id], total: 1 });
    expect((await stack.http.get(`/api/v1/orders/${own.id}`, client.token)).status).toBe(200);
    expect((await stack.http.get(`/api/v1/orders/${own.id}/history`, client.token)).status).toBe(200);
    for (const order of [colleagues, strangers]) {
      const hidden = await stack.http.get(`/api/v1/orders/${order.id}`, client.token);
      expect([hidden.status, hidden.body.code]).toEqual([404, 'ORDER.NOT_FOUND']);
    }
    expect(await listed(colleague.token)).toEqual({ ids: [colleagues.id], total: 1 });

    // A client's new order is its own, whoever it names.
    const mine = await stack.http.post('/api/v1/orders', { title: 'Please call me back', clientContactId: colleague.id }, client.token);
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ clientContactId: client.id, clientCompanyId: acme.id });
    expect(await listed(client.token)).toEqual({ ids: [mine.body.id, own.id], total: 2 });
    // Clients have no status-setting or transfer rights by default.
    expect((await stack.http.post(`/api/v1/orders/${own.id}/transfer`, { departmentId: support.id }, client.token)).status).toBe(403);
  });

  it('explain shows the client step for a contact', async () => {
    const resource = (order: any) =>
      encodeURIComponent(
        JSON.stringify({
          type: 'order',
          statusId: order.status.id,
          departmentId: order.departmentId,
          clientContactId: order.clientContactId,
          clientCompanyId: order.clientCompanyId,
        }),
      );
    const refused = await stack.http.get(
      `/api/v1/permissions/explain?personId=${client.id}&action=orders.read&resource=${resource(colleagues)}`,
      tenant.adminToken,
    );
    expect(refused.body).toMatchObject({ allowed: false, code: 'ORDER.NOT_OWN' });
    expect(refused.body.steps).toContainEqual(expect.objectContaining({ rule: 'order.client-contact', effect: 'deny' }));
    const allowed = await stack.http.get(
      `/api/v1/permissions/explain?personId=${client.id}&action=orders.read&resource=${resource(own)}`,
      tenant.adminToken,
    );
    expect(allowed.body).toMatchObject({ allowed: true });
    expect(allowed.body.steps).toContainEqual(expect.objectContaining({ rule: 'order.client-contact', effect: 'allow' }));
  });

  it("the company's client manager sees all of the company's orders in every department, and no other department's", async () => {
    await eventually(async () => expect((await listed(manager.token)).ids).toEqual(expect.arrayContaining([own.id, colleagues.id])), SLOW);
    const seen = await listed(manager.token);
    expect(seen.ids).not.toContain(strangers.id);
    expect(seen.total).toBe(seen.ids.length);
    expect((await stack.http.get(`/api/v1/orders/${own.id}`, manager.token)).status).toBe(200);
    expect((await stack.http.get(`/api/v1/orders/${strangers.id}`, manager.token)).status).toBe(404);
    // The agent sees IT's orders of both companies, and not accounting's.
    await eventually(
      async () => expect((await listed(agent.token)).ids).toEqual(expect.arrayContaining([colleagues.id, strangers.id])),
      SLOW,
    );
    expect((await listed(agent.token)).ids).not.toContain(own.id);
  });

  it("a company's order history lists only the orders the caller sees, with cursor pages", async () => {
    const path = `/api/v1/companies/${acme.id}/orders`;
    const asAdmin = await listed(tenant.adminToken, path);
    expect(asAdmin.ids).toEqual(expect.arrayContaining([own.id, colleagues.id]));
    expect(asAdmin.ids).not.toContain(strangers.id);
    expect(asAdmin.total).toBe(asAdmin.ids.length);
    expect((await listed(manager.token, path)).ids.sort()).toEqual(asAdmin.ids.sort());
    const asAgent = (await listed(agent.token, path)).ids;
    expect(asAgent).toContain(colleagues.id);
    expect(asAgent).not.toContain(own.id);
    const asClient = await listed(client.token, path);
    expect(asClient.ids).toContain(own.id);
    expect(asClient.ids).not.toContain(colleagues.id);

    const first = await stack.http.get(`${path}?limit=1`, tenant.adminToken);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.total).toBe(asAdmin.total);
    const second = await stack.http.get(`${path}?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`, tenant.adminToken);
    expect(second.body.items[0].id).toBe(asAdmin.ids[1]);

    const unknown = await stack.http.get('/api/v1/companies/01900000-0000-7000-8000-000000000000/orders', tenant.adminToken);
    expect(unknown.status).toBe(404);
    const otherTenant = await stack.http.get(path, other.adminToken);
    expect(otherTenant.status).toBe(404);
    const malformed = await stack.http.get('/api/v1/companies/acme/orders', tenant.adminToken);
    expect(malformed.status).toBe(404);
  });

  it('removing the client manager takes the company’s orders away from it once the change reaches permissions', async () => {
    expect((await stack.http.get(`/api/v1/orders/${colleagues.id}`, manager.token)).status).toBe(200); // cached yes
    const replaced = await stack.http.put(`/api/v1/companies/${acme.id}/client-managers`, { personIds: [] }, tenant.adminToken);
    expect(replaced.status).toBe(200);
    await eventually(async () => expect((await stack.http.get(`/api/v1/orders/${colleagues.id}`, manager.token)).status).toBe(404), SLOW);
    expect((await listed(manager.token)).ids).not.toContain(own.id);
    const events = await readEvents(CompanyClientManagersChangedV1.type, (event) => event.subject === acme.id, { atLeast: 2 });
    expect(events[events.length - 1]!.data).toMatchObject({ removedPersonIds: [manager.id], clientManagerIds: [] });
  });
});
