import { CompanyClientManagersChangedV1, ContactUpdatedV1, EquipmentUpdatedV1 } from '@warden/contracts';
import { readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createEmployee, createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

describe('directory: contacts, companies, equipment', () => {
  let stack: Stack;
  let a: TenantFixture;
  let b: TenantFixture;

  beforeAll(async () => {
    stack = await Stack.start();
    a = await createTenant(stack, 'dca');
    b = await createTenant(stack, 'dcb');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function contact(tenant: TenantFixture, body: Record<string, unknown>): Promise<any> {
    const response = await stack.http.post('/api/v1/contacts', body, tenant.adminToken);
    if (response.status !== 201) throw new Error(`contact creation failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  it('contacts: email required and unique per tenant case-insensitively (409), references of another tenant refused naming the field', async () => {
    const first = await contact(a, { lastName: 'Smirnova', firstName: 'Anna', email: 'anna@client.test' });
    expect(first).toMatchObject({ status: 'active', notifications: true, portalAccess: 'none', fullName: 'Smirnova Anna' });

    const taken = await stack.http.post(
      '/api/v1/contacts',
      { lastName: 'Other', firstName: 'Anna', email: 'ANNA@client.test' },
      a.adminToken,
    );
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'CONTACT.EMAIL_TAKEN', errors: [{ field: 'email' }] });
    expect((await contact(b, { lastName: 'Same', firstName: 'Email', email: 'anna@client.test' })).email).toBe('anna@client.test');

    const noEmail = await stack.http.post('/api/v1/contacts', { lastName: 'No', firstName: 'Email' }, a.adminToken);
    expect(noEmail.status).toBe(422);
    expect(noEmail.body.errors).toContainEqual(expect.objectContaining({ field: 'email' }));

    const foreignCompany = (await stack.http.post('/api/v1/companies', { name: 'B Corp' }, b.adminToken)).body;
    const foreignBranch = (await stack.http.post('/api/v1/branches', { name: 'B branch', timeZone: 'UTC' }, b.adminToken)).body;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ companyId: foreignCompany.id }, 'companyId'],
      [{ branchId: foreignBranch.id }, 'branchId'],
      [{ responsibleEmployeeId: b.adminId }, 'responsibleEmployeeId'],
    ];
    for (const [fields, field] of cases) {
      const refused = await stack.http.post(
        '/api/v1/contacts',
        { lastName: 'X', firstName: 'Y', email: `x-${field}@c.test`, ...fields },
        a.adminToken,
      );
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    const list = await stack.http.get('/api/v1/contacts?search=c.test', a.adminToken);
    expect(list.body.items).toEqual([]);

    const changed = await stack.http.patch(`/api/v1/contacts/${first.id}`, { status: 'blocked', notifications: false }, a.adminToken);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: 'blocked', notifications: false, email: 'anna@client.test' });
    const events = await readEvents(ContactUpdatedV1.type, (event) => event.subject === first.id);
    expect(events[0]!.data).toMatchObject({
      contactId: first.id,
      status: 'blocked',
      notifications: false,
      email: 'anna@client.test',
      companyId: null,
    });
  });

  it('contacts: search and filter by name, email, phone, company, status, branch and responsible employee, with cursor pages', async () => {
    const tenant = await createTenant(stack, 'dcs');
    const manager = await createEmployee(stack, tenant);
    const company = (await stack.http.post('/api/v1/companies', { name: 'Acme' }, tenant.adminToken)).body;
    const branch = (await stack.http.post('/api/v1/branches', { name: 'Main', timeZone: 'UTC' }, tenant.adminToken)).body;
    await contact(tenant, {
      lastName: 'Alekseev',
      firstName: 'Boris',
      email: 'boris@acme.test',
      phone: '+7 (900) 111-22-33',
      companyId: company.id,
    });
    await contact(tenant, { lastName: 'Belova', firstName: 'Vera', email: 'vera@home.test', status: 'inactive', branchId: branch.id });
    await contact(tenant, {
      lastName: 'Chernov',
      firstName: 'Gleb',
      email: 'gleb@acme.test',
      companyId: company.id,
      responsibleEmployeeId: manager.id,
    });
    const names = async (query: string): Promise<string[]> => {
      const response = await stack.http.get(`/api/v1/contacts?${query}`, tenant.adminToken);
      expect(response.status).toBe(200);
      return response.body.items.map((item: any) => item.lastName);
    };
    expect(await names('')).toEqual(['Alekseev', 'Belova', 'Chernov']);
    expect(await names('name=vera')).toEqual(['Belova']);
    expect(await names('email=acme')).toEqual(['Alekseev', 'Chernov']);
    expect(await names('phone=9001112233')).toEqual(['Alekseev']);
    expect(await names('search=111-22')).toEqual(['Alekseev']);
    expect(await names(`companyId=${company.id}`)).toEqual(['Alekseev', 'Chernov']);
    expect(await names('status=inactive')).toEqual(['Belova']);
    expect(await names(`branchId=${branch.id}`)).toEqual(['Belova']);
    expect(await names(`responsibleEmployeeId=${manager.id}`)).toEqual(['Chernov']);
    expect(await names(`companyId=${company.id}&email=gleb`)).toEqual(['Chernov']);

    const first = await stack.http.get('/api/v1/contacts?limit=2', tenant.adminToken);
    expect(first.body.items.map((item: any) => item.lastName)).toEqual(['Alekseev', 'Belova']);
    const second = await stack.http.get(`/api/v1/contacts?limit=2&cursor=${first.body.nextCursor}`, tenant.adminToken);
    expect(second.body).toMatchObject({ items: [expect.objectContaining({ lastName: 'Chernov' })], nextCursor: null });

    expect((await stack.http.get('/api/v1/contacts?status=gone', tenant.adminToken)).status).toBe(422);
    expect((await stack.http.get('/api/v1/contacts?cursor=garbage', tenant.adminToken)).status).toBe(422);
    expect((await stack.http.get('/api/v1/contacts?limit=0', tenant.adminToken)).status).toBe(422);
    // Another tenant's filter values simply match nothing.
    expect((await stack.http.get(`/api/v1/contacts?companyId=${company.id}`, a.adminToken)).body.items).toEqual([]);
  });

  it('companies: client managers must be employees of the tenant; changes are published; contacts are counted', async () => {
    const managerOne = await createEmployee(stack, a);
    const managerTwo = await createEmployee(stack, a);
    const company = await stack.http.post(
      '/api/v1/companies',
      { name: 'Globex', taxId: '7700000001', clientManagerIds: [managerOne.id] },
      a.adminToken,
    );
    expect(company.status).toBe(201);
    expect(company.body).toMatchObject({ name: 'Globex', taxId: '7700000001', clientManagerIds: [managerOne.id], contactCount: 0 });
    await contact(a, { lastName: 'Employee', firstName: 'Of Globex', email: 'staff@globex.test', companyId: company.body.id });

    const taxTaken = await stack.http.post('/api/v1/companies', { name: 'Globex 2', taxId: '7700000001' }, a.adminToken);
    expect(taxTaken.status).toBe(409);
    expect(taxTaken.body.code).toBe('COMPANY.TAX_ID_TAKEN');

    const foreignManager = await stack.http.put(
      `/api/v1/companies/${company.body.id}/client-managers`,
      { personIds: [managerTwo.id, b.adminId] },
      a.adminToken,
    );
    expect(foreignManager.status).toBe(422);
    expect(foreignManager.body.errors).toEqual([expect.objectContaining({ field: 'clientManagerIds' })]);
    const replaced = await stack.http.put(
      `/api/v1/companies/${company.body.id}/client-managers`,
      { personIds: [managerTwo.id] },
      a.adminToken,
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ clientManagerIds: [managerTwo.id], contactCount: 1 });

    const events = await readEvents(CompanyClientManagersChangedV1.type, (event) => event.subject === company.body.id, { atLeast: 2 });
    expect(events.map((event) => [event.data.addedPersonIds, event.data.removedPersonIds])).toEqual([
      [[managerOne.id], []],
      [[managerTwo.id], [managerOne.id]],
    ]);
    const search = await stack.http.get('/api/v1/companies?search=globe', a.adminToken);
    expect(search.body.items.map((item: any) => item.id)).toEqual([company.body.id]);
  });

  it('equipment: a tree per company; moving takes the subtree; cycles and other companies refused with nothing changed', async () => {
    const acme = (await stack.http.post('/api/v1/companies', { name: 'Tree Co' }, a.adminToken)).body;
    const other = (await stack.http.post('/api/v1/companies', { name: 'Other Co' }, a.adminToken)).body;
    const node = async (name: string, parentId: string | null, companyId = acme.id): Promise<any> => {
      const response = await stack.http.post(
        '/api/v1/equipment',
        { companyId, parentId, name, kind: 'device', serialNumber: `SN-${name}` },
        a.adminToken,
      );
      expect(response.status).toBe(201);
      return response.body;
    };
    const rack = await node('Rack', null);
    const server = await node('Server', rack.id);
    const disk = await node('Disk', server.id);
    const room = await node('Room', null);
    const foreignRoot = await node('Foreign', null, other.id);

    const tree = await stack.http.get(`/api/v1/companies/${acme.id}/equipment`, a.adminToken);
    expect(tree.status).toBe(200);
    expect(tree.body.map((root: any) => root.name)).toEqual(['Rack', 'Room']);
    expect(tree.body[0].children[0]).toMatchObject({
      name: 'Server',
      serialNumber: 'SN-Server',
      children: [expect.objectContaining({ name: 'Disk' })],
    });

    const underDescendant = await stack.http.patch(`/api/v1/equipment/${rack.id}`, { parentId: disk.id }, a.adminToken);
    expect(underDescendant.status).toBe(422);
    expect(underDescendant.body).toMatchObject({ code: 'EQUIPMENT.CYCLE', errors: [{ field: 'parentId' }] });
    const underItself = await stack.http.patch(`/api/v1/equipment/${server.id}`, { parentId: server.id }, a.adminToken);
    expect(underItself.body.code).toBe('EQUIPMENT.CYCLE');
    const crossCompany = await stack.http.patch(
      `/api/v1/equipment/${server.id}`,
      { parentId: foreignRoot.id, name: 'Renamed' },
      a.adminToken,
    );
    expect(crossCompany.status).toBe(422);
    expect(crossCompany.body.code).toBe('EQUIPMENT.PARENT_OTHER_COMPANY');
    const crossCreate = await stack.http.post(
      '/api/v1/equipment',
      { companyId: acme.id, parentId: foreignRoot.id, name: 'Bad' },
      a.adminToken,
    );
    expect(crossCreate.body.code).toBe('EQUIPMENT.PARENT_OTHER_COMPANY');
    expect((await stack.http.get(`/api/v1/equipment/${server.id}`, a.adminToken)).body).toMatchObject({
      name: 'Server',
      parentId: rack.id,
    });

    const moved = await stack.http.patch(`/api/v1/equipment/${server.id}`, { parentId: room.id, location: 'Room 101' }, a.adminToken);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: room.id, location: 'Room 101', name: 'Server' });
    const after = (await stack.http.get(`/api/v1/companies/${acme.id}/equipment`, a.adminToken)).body;
    expect(after[0]).toMatchObject({ name: 'Rack', children: [] });
    expect(after[1].children[0]).toMatchObject({ name: 'Server', children: [expect.objectContaining({ id: disk.id })] });
    const toRoot = await stack.http.patch(`/api/v1/equipment/${disk.id}`, { parentId: null }, a.adminToken);
    expect(toRoot.body.parentId).toBeNull();

    const events = await readEvents(EquipmentUpdatedV1.type, (event) => event.subject === server.id);
    expect(events[0]!.data).toMatchObject({ equipmentId: server.id, companyId: acme.id, parentId: room.id });

    const hasChildren = await stack.http.delete(`/api/v1/equipment/${room.id}`, a.adminToken);
    expect(hasChildren.status).toBe(409);
    expect((await stack.http.delete(`/api/v1/equipment/${disk.id}`, a.adminToken)).status).toBe(200);
  });

  it('portal access: granted at once (the contact id is the login id); repeating sets a new password; refused for placeholder emails and short passwords', async () => {
    const person = await contact(a, { lastName: 'Portal', firstName: 'User', email: 'portal@client.test' });
    const short = await stack.http.post(`/api/v1/contacts/${person.id}/portal-access`, { password: 'short' }, a.adminToken);
    expect(short.status).toBe(422);
    const granted = await stack.http.post(
      `/api/v1/contacts/${person.id}/portal-access`,
      { password: 'long-enough-password' },
      a.adminToken,
    );
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ portalAccess: 'granted', portalPersonId: person.id });
    expect(granted.body).not.toHaveProperty('password');
    const twice = await stack.http.post(`/api/v1/contacts/${person.id}/portal-access`, { password: 'another-long-password' }, a.adminToken);
    expect(twice.status).toBe(200);
    expect(twice.body).toMatchObject({ portalAccess: 'granted', portalPersonId: person.id });
    const revoked = await stack.http.delete(`/api/v1/contacts/${person.id}/portal-access`, a.adminToken);
    expect(revoked.body).toMatchObject({ portalAccess: 'none', portalPersonId: null });

    const department = (await stack.http.post('/api/v1/departments', { name: 'Portal dept' }, a.adminToken)).body;
    const bot = (
      await stack.http.post(
        '/api/v1/channels',
        { kind: 'messenger', address: '@portal_bot', name: 'Bot', departmentId: department.id },
        a.adminToken,
      )
    ).body;
    const inbound = (
      await stack.http.post(
        `/api/v1/channels/${bot.id}/inbound`,
        { messageId: '1', from: { messengerId: '999' }, text: 'hi' },
        a.adminToken,
      )
    ).body;
    const placeholder = await stack.http.post(
      `/api/v1/contacts/${inbound.contactId}/portal-access`,
      { password: 'long-enough-password' },
      a.adminToken,
    );
    expect(placeholder.status).toBe(422);
    expect(placeholder.body).toMatchObject({ code: 'CONTACT.EMAIL_PLACEHOLDER', errors: [{ field: 'email' }] });
  });

  it('tenant isolation: every contact, company and equipment route answers 404 (or 422 naming the field) for another tenant', async () => {
    const company = (await stack.http.post('/api/v1/companies', { name: 'Isolated' }, a.adminToken)).body;
    const person = await contact(a, { lastName: 'Iso', firstName: 'Lated', email: 'iso@lated.test', companyId: company.id });
    const root = (await stack.http.post('/api/v1/equipment', { companyId: company.id, name: 'Root' }, a.adminToken)).body;
    const t = b.adminToken;
    const answers = await Promise.all([
      stack.http.get(`/api/v1/contacts/${person.id}`, t),
      stack.http.patch(`/api/v1/contacts/${person.id}`, { status: 'blocked' }, t),
      stack.http.post(`/api/v1/contacts/${person.id}/portal-access`, { password: 'long-enough-password' }, t),
      stack.http.delete(`/api/v1/contacts/${person.id}/portal-access`, t),
      stack.http.get(`/api/v1/companies/${company.id}`, t),
      stack.http.patch(`/api/v1/companies/${company.id}`, { name: 'Hijacked' }, t),
      stack.http.put(`/api/v1/companies/${company.id}/client-managers`, { personIds: [] }, t),
      stack.http.get(`/api/v1/companies/${company.id}/equipment`, t),
      stack.http.get(`/api/v1/equipment/${root.id}`, t),
      stack.http.patch(`/api/v1/equipment/${root.id}`, { name: 'Hijacked' }, t),
      stack.http.delete(`/api/v1/equipment/${root.id}`, t),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 404));
    const foreignCompany = await stack.http.post('/api/v1/equipment', { companyId: company.id, name: 'Intruder' }, t);
    expect(foreignCompany.status).toBe(422);
    expect(foreignCompany.body.errors).toEqual([expect.objectContaining({ field: 'companyId' })]);
    expect((await stack.http.get('/api/v1/contacts?search=iso', t)).body.items).toEqual([]);
    expect((await stack.http.get('/api/v1/companies?search=isolated', t)).body.items).toEqual([]);
    expect((await stack.http.get(`/api/v1/contacts/${person.id}`, a.adminToken)).body.status).toBe('active');
  });
});
