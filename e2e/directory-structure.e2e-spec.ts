import {
  BranchCreatedV1,
  DepartmentMembershipChangedV1,
  EmployeeBranchesChangedV1,
  InboundReceivedV1,
  ContactCreatedV1,
} from '@warden/contracts';
import { readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';

describe('directory: branches, departments, channels, inbound messages', () => {
  let stack: Stack;
  let a: TenantFixture;
  let b: TenantFixture;

  beforeAll(async () => {
    stack = await Stack.start();
    a = await createTenant(stack, 'dsa');
    b = await createTenant(stack, 'dsb');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('branches: create with an IANA time zone, list, rename, refuse bad zones and duplicate names, event published', async () => {
    const created = await stack.http.post(
      '/api/v1/branches',
      { name: 'Downtown', address: '1 Main St', timeZone: 'Europe/Moscow' },
      a.adminToken,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Downtown', address: '1 Main St', timeZone: 'Europe/Moscow' });

    const badZone = await stack.http.post('/api/v1/branches', { name: 'Nowhere', timeZone: 'Mars/Olympus' }, a.adminToken);
    expect(badZone.status).toBe(422);
    expect(badZone.body).toMatchObject({ code: 'BRANCH.BAD_TIME_ZONE', errors: [{ field: 'timeZone' }] });
    const duplicate = await stack.http.post('/api/v1/branches', { name: 'downtown', timeZone: 'UTC' }, a.adminToken);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('BRANCH.NAME_TAKEN');
    const unknownField = await stack.http.post('/api/v1/branches', { name: 'X', timeZone: 'UTC', color: 'red' }, a.adminToken);
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.errors).toContainEqual({ field: 'color', reason: 'is not a known field' });

    const renamed = await stack.http.patch(`/api/v1/branches/${created.body.id}`, { name: 'City centre' }, a.adminToken);
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'City centre', timeZone: 'Europe/Moscow' });
    const list = await stack.http.get('/api/v1/branches', a.adminToken);
    expect(list.body.map((branch: any) => branch.name)).toEqual(['City centre']);

    const events = await readEvents(BranchCreatedV1.type, (event) => event.subject === created.body.id);
    expect(events[0]!.data).toMatchObject({ branchId: created.body.id, name: 'Downtown', timeZone: 'Europe/Moscow' });
    expect(events[0]!.tenantid).toBe(a.tenantId);
  });

  it('departments: head and members must be employees of this tenant (422 naming the field); members endpoints publish who joined and left', async () => {
    const agent = await createEmployee(stack, a);
    const foreigner = await createEmployee(stack, b);

    const foreignHead = await stack.http.post('/api/v1/departments', { name: 'IT', headId: foreigner.id }, a.adminToken);
    expect(foreignHead.status).toBe(422);
    expect(foreignHead.body).toMatchObject({ code: 'DIRECTORY.NOT_AN_EMPLOYEE', errors: [{ field: 'headId' }] });
    const foreignMember = await stack.http.post('/api/v1/departments', { name: 'IT', memberIds: [agent.id, foreigner.id] }, a.adminToken);
    expect(foreignMember.status).toBe(422);
    expect(foreignMember.body.errors).toEqual([{ field: 'memberIds', reason: 'is not an employee of this tenant' }]);
    expect((await stack.http.get('/api/v1/departments', a.adminToken)).body).toEqual([]);

    const it = await stack.http.post('/api/v1/departments', { name: 'IT', headId: a.adminId, memberIds: [agent.id] }, a.adminToken);
    expect(it.status).toBe(201);
    expect(it.body).toMatchObject({ name: 'IT', headId: a.adminId, memberIds: [agent.id] });

    const added = await stack.http.post(`/api/v1/departments/${it.body.id}/members`, { personIds: [a.adminId, agent.id] }, a.adminToken);
    expect(added.status).toBe(200);
    expect(added.body.memberIds.sort()).toEqual([a.adminId, agent.id].sort());
    const removed = await stack.http.delete(`/api/v1/departments/${it.body.id}/members/${agent.id}`, a.adminToken);
    expect(removed.status).toBe(200);
    expect(removed.body.memberIds).toEqual([a.adminId]);

    const events = await readEvents(DepartmentMembershipChangedV1.type, (event) => event.subject === it.body.id, { atLeast: 3 });
    expect(events.map((event) => [event.data.addedPersonIds, event.data.removedPersonIds])).toEqual([
      [[agent.id], []],
      [[a.adminId], []],
      [[], [agent.id]],
    ]);

    const duplicate = await stack.http.post('/api/v1/departments', { name: 'it' }, a.adminToken);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('DEPARTMENT.NAME_TAKEN');
  });

  it("employee branch access: main, additional or all; another tenant's branch or person is refused; event published", async () => {
    const agent = await createEmployee(stack, a);
    const main = (await stack.http.post('/api/v1/branches', { name: 'North', timeZone: 'Asia/Yekaterinburg' }, a.adminToken)).body;
    const extra = (await stack.http.post('/api/v1/branches', { name: 'South', timeZone: 'Europe/Samara' }, a.adminToken)).body;
    const foreign = (await stack.http.post('/api/v1/branches', { name: 'Elsewhere', timeZone: 'UTC' }, b.adminToken)).body;

    const initial = await stack.http.get(`/api/v1/staff/${agent.id}/branches`, a.adminToken);
    expect(initial.body).toEqual({ personId: agent.id, mainBranchId: null, additionalBranchIds: [], allBranches: false, updatedAt: null });

    const put = await stack.http.put(
      `/api/v1/staff/${agent.id}/branches`,
      { mainBranchId: main.id, additionalBranchIds: [extra.id], allBranches: false },
      a.adminToken,
    );
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ mainBranchId: main.id, additionalBranchIds: [extra.id], allBranches: false });

    const foreignBranch = await stack.http.put(
      `/api/v1/staff/${agent.id}/branches`,
      { mainBranchId: main.id, additionalBranchIds: [foreign.id], allBranches: false },
      a.adminToken,
    );
    expect(foreignBranch.status).toBe(422);
    expect(foreignBranch.body).toMatchObject({ code: 'BRANCH.UNKNOWN', errors: [{ field: 'additionalBranchIds.0' }] });
    const repeated = await stack.http.put(
      `/api/v1/staff/${agent.id}/branches`,
      { mainBranchId: main.id, additionalBranchIds: [main.id], allBranches: false },
      a.adminToken,
    );
    expect(repeated.status).toBe(422);
    const otherTenantPerson = await stack.http.put(
      `/api/v1/staff/${agent.id}/branches`,
      { mainBranchId: foreign.id, additionalBranchIds: [], allBranches: true },
      b.adminToken,
    );
    expect(otherTenantPerson.status).toBe(404);
    expect((await stack.http.get(`/api/v1/staff/${agent.id}/branches`, a.adminToken)).body.additionalBranchIds).toEqual([extra.id]);

    const all = await stack.http.put(
      `/api/v1/staff/${agent.id}/branches`,
      { mainBranchId: null, additionalBranchIds: [], allBranches: true },
      a.adminToken,
    );
    expect(all.body).toMatchObject({ mainBranchId: null, additionalBranchIds: [], allBranches: true });

    const events = await readEvents(EmployeeBranchesChangedV1.type, (event) => event.subject === agent.id, { atLeast: 2 });
    expect(events.map((event) => [event.data.mainBranchId, event.data.additionalBranchIds, event.data.allBranches])).toEqual([
      [main.id, [extra.id], false],
      [null, [], true],
    ]);

    const inUse = await stack.http.delete(`/api/v1/branches/${extra.id}`, a.adminToken);
    expect(inUse.status).toBe(200); // no longer referenced after "all branches"
    const mainInUse = await stack.http.put(
      `/api/v1/staff/${agent.id}/branches`,
      { mainBranchId: main.id, additionalBranchIds: [], allBranches: false },
      a.adminToken,
    );
    expect(mainInUse.status).toBe(200);
    const refused = await stack.http.delete(`/api/v1/branches/${main.id}`, a.adminToken);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('BRANCH.IN_USE');
  });

  it('channels belong to a department of the tenant; inbound messages find or create the contact, once per message id', async () => {
    const accounting = (await stack.http.post('/api/v1/departments', { name: 'Accounting' }, a.adminToken)).body;
    const foreignDepartment = (await stack.http.post('/api/v1/departments', { name: 'Accounting' }, b.adminToken)).body;

    const foreign = await stack.http.post(
      '/api/v1/channels',
      { kind: 'email', address: 'acc@a.test', name: 'Mail', departmentId: foreignDepartment.id },
      a.adminToken,
    );
    expect(foreign.status).toBe(422);
    expect(foreign.body).toMatchObject({ code: 'DEPARTMENT.UNKNOWN', errors: [{ field: 'departmentId' }] });
    const badKind = await stack.http.post(
      '/api/v1/channels',
      { kind: 'fax', address: 'x', name: 'Fax', departmentId: accounting.id },
      a.adminToken,
    );
    expect(badKind.status).toBe(422);

    const mail = await stack.http.post(
      '/api/v1/channels',
      { kind: 'email', address: 'acc@a.test', name: 'Accounting mail', departmentId: accounting.id },
      a.adminToken,
    );
    expect(mail.status).toBe(201);
    const bot = (
      await stack.http.post(
        '/api/v1/channels',
        { kind: 'messenger', address: '@acc_bot', name: 'Bot', departmentId: accounting.id },
        a.adminToken,
      )
    ).body;

    const message = {
      messageId: 'm-1',
      from: { email: 'Client@Example.test', name: 'Olga Ivanova' },
      subject: 'Invoice',
      text: 'Where is my invoice?',
    };
    const first = await stack.http.post(`/api/v1/channels/${mail.body.id}/inbound`, message, a.adminToken);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ channelId: mail.body.id, departmentId: accounting.id, contactCreated: true, duplicate: false });
    const repeat = await stack.http.post(`/api/v1/channels/${mail.body.id}/inbound`, message, a.adminToken);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ inboundMessageId: first.body.inboundMessageId, contactId: first.body.contactId, duplicate: true });

    const contact = await stack.http.get(`/api/v1/contacts/${first.body.contactId}`, a.adminToken);
    expect(contact.body).toMatchObject({ firstName: 'Olga', lastName: 'Ivanova', email: 'Client@Example.test', emailIsPlaceholder: false });
    const second = await stack.http.post(
      `/api/v1/channels/${mail.body.id}/inbound`,
      { ...message, messageId: 'm-2', from: { email: 'client@example.test' } },
      a.adminToken,
    );
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ contactId: first.body.contactId, contactCreated: false });

    const fromMessenger = await stack.http.post(
      `/api/v1/channels/${bot.id}/inbound`,
      { messageId: '77', from: { messengerId: '12345', name: 'Pyotr' }, text: 'hi' },
      a.adminToken,
    );
    expect(fromMessenger.status).toBe(201);
    const placeholder = (await stack.http.get(`/api/v1/contacts/${fromMessenger.body.contactId}`, a.adminToken)).body;
    expect(placeholder.email).toMatch(/@no-email\.invalid$/);
    expect(placeholder).toMatchObject({
      emailIsPlaceholder: true,
      notifications: false,
      messengerIds: { '@acc_bot': '12345' },
      lastName: 'Pyotr',
    });
    const againFromMessenger = await stack.http.post(
      `/api/v1/channels/${bot.id}/inbound`,
      { messageId: '78', from: { messengerId: '12345' }, text: 'me again' },
      a.adminToken,
    );
    expect(againFromMessenger.body).toMatchObject({ contactId: fromMessenger.body.contactId, contactCreated: false });

    const events = await readEvents(InboundReceivedV1.type, (event) => event.data.channelId === mail.body.id, { atLeast: 2 });
    expect(events).toHaveLength(2);
    expect(events[0]!.data).toMatchObject({
      departmentId: accounting.id,
      contactId: first.body.contactId,
      externalMessageId: 'm-1',
      subject: 'Invoice',
      text: 'Where is my invoice?',
    });
    const contactEvents = await readEvents(ContactCreatedV1.type, (event) => event.subject === first.body.contactId);
    expect(contactEvents).toHaveLength(1);
  });

  it('inbound: unknown channel 404, malformed 422 and nothing recorded, another tenant cannot deliver to the channel', async () => {
    const department = (await stack.http.post('/api/v1/departments', { name: 'Support' }, a.adminToken)).body;
    const channel = (
      await stack.http.post(
        '/api/v1/channels',
        { kind: 'widget', address: 'site-key-1', name: 'Widget', departmentId: department.id },
        a.adminToken,
      )
    ).body;

    const unknown = await stack.http.post(
      `/api/v1/channels/${UNKNOWN_ID}/inbound`,
      { messageId: 'x', from: { email: 'x@y.test' }, text: 't' },
      a.adminToken,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('CHANNEL.NOT_FOUND');
    const otherTenant = await stack.http.post(
      `/api/v1/channels/${channel.id}/inbound`,
      { messageId: 'x', from: { email: 'x@y.test' }, text: 't' },
      b.adminToken,
    );
    expect(otherTenant.status).toBe(404);

    const noSender = await stack.http.post(
      `/api/v1/channels/${channel.id}/inbound`,
      { messageId: 'x', from: { name: 'Anonymous' }, text: 't' },
      a.adminToken,
    );
    expect(noSender.status).toBe(422);
    expect(noSender.body).toMatchObject({ code: 'INBOUND.SENDER_UNKNOWN', errors: [{ field: 'from' }] });
    const badEmail = await stack.http.post(
      `/api/v1/channels/${channel.id}/inbound`,
      { messageId: 'x', from: { email: 'not-an-email' }, text: 't' },
      a.adminToken,
    );
    expect(badEmail.status).toBe(422);
    expect(badEmail.body.errors).toContainEqual(expect.objectContaining({ field: 'from.email' }));
    const noText = await stack.http.post(
      `/api/v1/channels/${channel.id}/inbound`,
      { messageId: 'x', from: { email: 'x@y.test' } },
      a.adminToken,
    );
    expect(noText.status).toBe(422);

    // Nothing was half-written: the message id is still free and no contact was created.
    const contacts = await stack.http.get('/api/v1/contacts?email=x%40y.test', a.adminToken);
    expect(contacts.body.items).toEqual([]);
    const ok = await stack.http.post(
      `/api/v1/channels/${channel.id}/inbound`,
      { messageId: 'x', from: { email: 'x@y.test' }, text: 't' },
      a.adminToken,
    );
    expect(ok.status).toBe(201);
  });

  it('tenant isolation: every branch, department and channel route answers 404 for another tenant', async () => {
    const branch = (await stack.http.post('/api/v1/branches', { name: 'Iso', timeZone: 'UTC' }, a.adminToken)).body;
    const department = (await stack.http.post('/api/v1/departments', { name: 'Iso' }, a.adminToken)).body;
    const channel = (
      await stack.http.post(
        '/api/v1/channels',
        { kind: 'email', address: 'iso@a.test', name: 'Iso', departmentId: department.id },
        a.adminToken,
      )
    ).body;
    const t = b.adminToken;
    const answers = await Promise.all([
      stack.http.get(`/api/v1/branches/${branch.id}`, t),
      stack.http.patch(`/api/v1/branches/${branch.id}`, { name: 'Hijacked' }, t),
      stack.http.delete(`/api/v1/branches/${branch.id}`, t),
      stack.http.get(`/api/v1/departments/${department.id}`, t),
      stack.http.patch(`/api/v1/departments/${department.id}`, { name: 'Hijacked' }, t),
      stack.http.post(`/api/v1/departments/${department.id}/members`, { personIds: [b.adminId] }, t),
      stack.http.delete(`/api/v1/departments/${department.id}/members/${a.adminId}`, t),
      stack.http.delete(`/api/v1/departments/${department.id}`, t),
      stack.http.get(`/api/v1/channels/${channel.id}`, t),
      stack.http.patch(`/api/v1/channels/${channel.id}`, { name: 'Hijacked' }, t),
      stack.http.delete(`/api/v1/channels/${channel.id}`, t),
      stack.http.get(`/api/v1/staff/${a.adminId}/branches`, t),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 404));
    expect((await stack.http.get('/api/v1/branches', t)).body.map((x: any) => x.id)).not.toContain(branch.id);
    expect((await stack.http.get('/api/v1/channels', t)).body.map((x: any) => x.id)).not.toContain(channel.id);
    expect((await stack.http.get(`/api/v1/branches/${branch.id}`, a.adminToken)).body.name).toBe('Iso');
  });

  it('a plain employee may read the directory but not change it', async () => {
    const employee = await createEmployee(stack, a);
    const token = (await login(stack, a, employee.email)).body.accessToken;
    expect((await stack.http.get('/api/v1/departments', token)).status).toBe(200);
    const refused = await stack.http.post('/api/v1/branches', { name: 'Mine', timeZone: 'UTC' }, token);
    expect(refused.status).toBe(403);
    expect((await stack.http.get('/api/v1/branches', undefined)).status).toBe(401);
  });
});
