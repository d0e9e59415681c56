import { ContactAccessGrantedV1, ContactAccessRevokedV1, ContactUpdatedV1, GroupMembershipChangedV1 } from '@warden/contracts';
import { eventually, readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createPortalContact } from './contact.fixtures';
import { createEmployee, createTenant, login, PASSWORD } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

describe('client portal access: contacts sign in as clients', () => {
  let stack: Stack;
  let a: TenantFixture;
  let b: TenantFixture;

  beforeAll(async () => {
    stack = await Stack.start();
    a = await createTenant(stack, 'cpa');
    b = await createTenant(stack, 'cpb');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function contact(tenant: TenantFixture, body: Record<string, unknown>): Promise<any> {
    const response = await stack.http.post('/api/v1/contacts', { lastName: 'Client', firstName: 'Clara', ...body }, tenant.adminToken);
    if (response.status !== 201) throw new Error(`contact creation failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function clientGroup(tenant: TenantFixture): Promise<any> {
    const groups = await stack.http.get('/api/v1/groups', tenant.adminToken);
    return groups.body.find((group: any) => group.systemKey === 'client');
  }

  it('an administrator gives a contact a login; the contact signs in as kind contact with its contact id and cannot read staff', async () => {
    const person = await contact(a, { email: 'Buyer@Client.test' });
    const granted = await stack.http.post(`/api/v1/contacts/${person.id}/portal-access`, { password: 'first-password' }, a.adminToken);
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ id: person.id, portalAccess: 'granted', portalPersonId: person.id });
    expect(granted.body).not.toHaveProperty('password');
    expect((await stack.http.get(`/api/v1/contacts/${person.id}`, a.adminToken)).body.portalAccess).toBe('granted');

    const signedIn = await login(stack, a, 'buyer@client.test', 'first-password');
    expect(signedIn.status).toBe(200);
    const me = await stack.http.get('/api/v1/me', signedIn.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: person.id,
      kind: 'contact',
      email: 'buyer@client.test',
      systemStatus: 'online',
      tenantId: a.tenantId,
    });
    expect(me.body.groups).toEqual([{ id: (await clientGroup(a)).id, name: 'Client' }]);

    const staff = await stack.http.get('/api/v1/staff', signedIn.body.accessToken);
    expect(staff.status).toBe(403);
    expect(staff.body).toMatchObject({ code: 'RIGHT.NOT_GRANTED', detail: expect.stringContaining('staff.read') });
    const registry = await stack.http.get('/api/v1/staff?limit=200', a.adminToken);
    expect(registry.body.items.map((item: any) => item.id)).not.toContain(person.id);
    expect((await stack.http.get(`/api/v1/staff/${person.id}`, a.adminToken)).status).toBe(404);

    const [grantedEvent] = await readEvents(ContactAccessGrantedV1.type, (event) => event.subject === person.id);
    expect(grantedEvent!.data).toMatchObject({ personId: person.id, kind: 'contact', email: 'buyer@client.test', hasAccess: true });
    const joined = await readEvents(GroupMembershipChangedV1.type, (event) => event.data.addedPersonIds.includes(person.id));
    expect(joined[0]!.data.groupName).toBe('Client');
    const updated = await readEvents(
      ContactUpdatedV1.type,
      (event) => event.subject === person.id && event.data.portalPersonId === person.id,
    );
    expect(updated).toHaveLength(1);

    // Granting again sets a new password (a retry after a failure converges the same way).
    const again = await stack.http.post(`/api/v1/contacts/${person.id}/portal-access`, { password: 'second-password' }, a.adminToken);
    expect(again.status).toBe(200);
    expect(again.body.portalAccess).toBe('granted');
    expect((await login(stack, a, 'buyer@client.test', 'first-password')).status).toBe(401);
    expect((await login(stack, a, 'buyer@client.test', 'second-password')).status).toBe(200);
  });

  it('barring the Client group from login locks every client out and ends their sessions; lifting the bar lets them sign in again', async () => {
    const first = await createPortalContact(stack, a);
    const second = await createPortalContact(stack, a);
    const employee = await createEmployee(stack, a);
    const clients = await clientGroup(a);

    expect((await stack.http.patch(`/api/v1/groups/${clients.id}`, { loginBarred: true }, a.adminToken)).status).toBe(200);
    for (const client of [first, second]) {
      const refused = await login(stack, a, client.email, client.password);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'LOGIN.GROUP_BARRED', detail: expect.stringContaining('Client') });
      // The bar ends the sessions opened before it, like taking the access away.
      const stale = await stack.http.get('/api/v1/me', client.token);
      expect(stale.status).toBe(401);
      expect(stale.body.code).toBe('AUTH.SESSION_ENDED');
    }
    expect((await login(stack, a, employee.email)).status).toBe(200);
    expect((await login(stack, a, a.adminEmail)).status).toBe(200);

    expect((await stack.http.patch(`/api/v1/groups/${clients.id}`, { loginBarred: false }, a.adminToken)).status).toBe(200);
    expect((await login(stack, a, first.email, first.password)).status).toBe(200);
    // Lifting the bar brings no ended session back: the client signs in again.
    expect((await stack.http.get('/api/v1/me', second.token)).status).toBe(401);
    const again = await login(stack, a, second.email, second.password);
    expect(again.status).toBe(200);
    expect((await stack.http.get('/api/v1/me', again.body.accessToken)).status).toBe(200);
  });

  it('revoking portal access refuses sign-in, ends the sessions and stops issued tokens; granting again restores it', async () => {
    const client = await createPortalContact(stack, a);
    const revoked = await stack.http.delete(`/api/v1/contacts/${client.id}/portal-access`, a.adminToken);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: client.id, portalAccess: 'none', portalPersonId: null });

    const refused = await login(stack, a, client.email, client.password);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUTH.NO_ACCESS');
    expect((await stack.http.post('/api/v1/auth/refresh', { refreshToken: client.refreshToken })).status).toBe(401);
    // The ended sessions' access tokens are refused too, not only when they expire.
    await eventually(async () => {
      const stale = await stack.http.get('/api/v1/me', client.token);
      expect(stale.status).toBe(401);
      expect(stale.body.code).toBe('AUTH.SESSION_ENDED');
    });

    const [event] = await readEvents(ContactAccessRevokedV1.type, (candidate) => candidate.subject === client.id);
    expect(event!.data).toMatchObject({ personId: client.id, kind: 'contact', hasAccess: false });
    const twice = await stack.http.delete(`/api/v1/contacts/${client.id}/portal-access`, a.adminToken);
    expect(twice.status).toBe(200);
    expect(twice.body.portalAccess).toBe('none');
    const neverGranted = await contact(a, { email: 'never@client.test' });
    expect((await stack.http.delete(`/api/v1/contacts/${neverGranted.id}/portal-access`, a.adminToken)).body.portalAccess).toBe('none');

    expect((await stack.http.post(`/api/v1/contacts/${client.id}/portal-access`, { password: PASSWORD }, a.adminToken)).status).toBe(200);
    const back = await login(stack, a, client.email);
    expect(back.status).toBe(200);
    expect((await stack.http.get('/api/v1/me', back.body.accessToken)).body.kind).toBe('contact');
  });

  it("the contact card's new email is the login's; an email someone else signs in with is refused, writing nothing", async () => {
    const client = await createPortalContact(stack, a);
    const renamed = `renamed-${client.id.slice(-8)}@client.test`;
    const changed = await stack.http.patch(`/api/v1/contacts/${client.id}`, { email: renamed, lastName: 'Renamed' }, a.adminToken);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ email: renamed, portalAccess: 'granted' });
    expect((await login(stack, a, client.email)).status).toBe(401);
    const signedIn = await login(stack, a, renamed);
    expect(signedIn.status).toBe(200);
    expect((await stack.http.get('/api/v1/me', signedIn.body.accessToken)).body).toMatchObject({ email: renamed, lastName: 'Renamed' });

    const taken = await stack.http.patch(`/api/v1/contacts/${client.id}`, { email: a.adminEmail }, a.adminToken);
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0]).toMatchObject({ field: 'email' });
    expect((await stack.http.get(`/api/v1/contacts/${client.id}`, a.adminToken)).body.email).toBe(renamed);
    expect((await login(stack, a, renamed)).status).toBe(200);
  });

  it('blocking a contact takes its login away and ends its sessions', async () => {
    const client = await createPortalContact(stack, a);
    const blocked = await stack.http.patch(`/api/v1/contacts/${client.id}`, { status: 'blocked' }, a.adminToken);
    expect(blocked.status).toBe(200);
    expect(blocked.body).toMatchObject({ status: 'blocked', portalAccess: 'none', portalPersonId: null });
    const refused = await login(stack, a, client.email, client.password);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUTH.NO_ACCESS');
    await eventually(async () => expect((await stack.http.get('/api/v1/me', client.token)).body.code).toBe('AUTH.SESSION_ENDED'));
    // Unblocking does not hand the login back by itself: access is granted again explicitly.
    const unblocked = await stack.http.patch(`/api/v1/contacts/${client.id}`, { status: 'active' }, a.adminToken);
    expect(unblocked.body).toMatchObject({ status: 'active', portalAccess: 'none' });
  });

  it('refuses placeholder emails, blocked contacts, short passwords and an email an employee signs in with, writing nothing', async () => {
    const department = (await stack.http.post('/api/v1/departments', { name: 'Portal dept' }, a.adminToken)).body;
    const bot = (
      await stack.http.post(
        '/api/v1/channels',
        { kind: 'messenger', address: '@cp_bot', name: 'Bot', departmentId: department.id },
        a.adminToken,
      )
    ).body;
    const inbound = (
      await stack.http.post(
        `/api/v1/channels/${bot.id}/inbound`,
        { messageId: 'cp-1', from: { messengerId: '4242' }, text: 'hi' },
        a.adminToken,
      )
    ).body;
    const placeholder = await stack.http.post(`/api/v1/contacts/${inbound.contactId}/portal-access`, { password: PASSWORD }, a.adminToken);
    expect(placeholder.status).toBe(422);
    expect(placeholder.body).toMatchObject({ code: 'CONTACT.EMAIL_PLACEHOLDER', errors: [{ field: 'email' }] });

    const blocked = await contact(a, { email: 'blocked@client.test', status: 'blocked' });
    const refusedBlocked = await stack.http.post(`/api/v1/contacts/${blocked.id}/portal-access`, { password: PASSWORD }, a.adminToken);
    expect(refusedBlocked.status).toBe(422);
    expect(refusedBlocked.body).toMatchObject({ code: 'CONTACT.BLOCKED', errors: [{ field: 'status' }] });

    const short = await contact(a, { email: 'short@client.test' });
    const refusedShort = await stack.http.post(`/api/v1/contacts/${short.id}/portal-access`, { password: 'short' }, a.adminToken);
    expect(refusedShort.status).toBe(422);
    expect(refusedShort.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);

    const employee = await createEmployee(stack, a);
    const twin = await contact(a, { email: employee.email.toUpperCase() });
    const taken = await stack.http.post(`/api/v1/contacts/${twin.id}/portal-access`, { password: PASSWORD }, a.adminToken);
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'CONTACT_ACCESS.EMAIL_TAKEN', errors: [{ field: 'email' }] });

    for (const id of [inbound.contactId, blocked.id, short.id, twin.id]) {
      expect((await stack.http.get(`/api/v1/contacts/${id}`, a.adminToken)).body).toMatchObject({
        portalAccess: 'none',
        portalPersonId: null,
      });
    }
    expect((await login(stack, a, 'blocked@client.test')).status).toBe(401);
    const employeeMe = await stack.http.get('/api/v1/me', (await login(stack, a, employee.email)).body.accessToken);
    expect(employeeMe.body).toMatchObject({ id: employee.id, kind: 'employee' });
  });

  it("isolates tenants: another tenant's contact id is 404, and a client signs in only to its own tenant", async () => {
    const client = await createPortalContact(stack, a);
    const unknown = '01900000-0000-7000-8000-000000000000';
    const answers = await Promise.all([
      stack.http.post(`/api/v1/contacts/${client.id}/portal-access`, { password: 'hijacked-password' }, b.adminToken),
      stack.http.delete(`/api/v1/contacts/${client.id}/portal-access`, b.adminToken),
      stack.http.post(`/api/v1/contacts/${unknown}/portal-access`, { password: PASSWORD }, a.adminToken),
      stack.http.delete(`/api/v1/contacts/${unknown}/portal-access`, a.adminToken),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
    expect(answers[0]!.body.code).toBe('CONTACT.NOT_FOUND');
    expect((await login(stack, b, client.email, client.password)).status).toBe(401);
    expect((await login(stack, a, client.email, 'hijacked-password')).status).toBe(401);
    expect((await login(stack, a, client.email, client.password)).status).toBe(200);
    // A client may not manage anyone's portal access.
    const byClient = await stack.http.post(`/api/v1/contacts/${client.id}/portal-access`, { password: 'my-own-password' }, client.token);
    expect(byClient.status).toBe(403);
  });
});
