import { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

/**
 * The registry tells the truth about who can sign in: a person the sign-in would refuse shows
 * `no_access`, in the card, the list and the status filter, and the card says why. The sign-in
 * answer itself stays generic.
 */
describe('staff registry: who can sign in', () => {
  let stack: Stack;
  let tenant: TenantFixture;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'ssi');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function group(name: string, loginBarred: boolean): Promise<string> {
    const created = await stack.http.post('/api/v1/groups', { name, rights: ['auth.login', 'staff.read'], loginBarred }, tenant.adminToken);
    if (created.status !== 201) throw new Error(`group: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body.id;
  }

  const card = (id: string) => stack.http.get(`/api/v1/staff/${id}`, tenant.adminToken);
  const listed = async (status: string) =>
    (await stack.http.get(`/api/v1/staff?status=${status}&limit=100`, tenant.adminToken)).body.items.map((item: any) => item.id);

  it('an employee whose group is barred from login is no_access, and the card names the group', async () => {
    const interns = await group('Interns', true);
    const intern = await createEmployee(stack, tenant, { groupIds: [interns] });
    expect((await login(stack, tenant, intern.email)).status).toBe(403);

    const read = await card(intern.id);
    expect(read.body.systemStatus).toBe('no_access');
    expect(read.body.signInRefusal).toMatchObject({ code: 'LOGIN.GROUP_BARRED' });
    expect(read.body.signInRefusal.reason).toContain('Interns');
    expect(await listed('no_access')).toContain(intern.id);
    expect(await listed('offline')).not.toContain(intern.id);
    const all = (await stack.http.get('/api/v1/staff?limit=100', tenant.adminToken)).body.items;
    expect(all.find((item: any) => item.id === intern.id)).toMatchObject({ systemStatus: 'no_access' });

    // Lifting the bar gives the sign-in back, and the registry says so.
    expect((await stack.http.patch(`/api/v1/groups/${interns}`, { loginBarred: false }, tenant.adminToken)).status).toBe(200);
    expect((await login(stack, tenant, intern.email)).status).toBe(200);
    const lifted = await card(intern.id);
    expect(lifted.body.signInRefusal).toBeNull();
    expect(['online', 'offline']).toContain(lifted.body.systemStatus);
    expect(await listed('no_access')).not.toContain(intern.id);
  });

  it('a person allowed to sign in has no refusal; access taken away and deletion are named', async () => {
    const worker = await createEmployee(stack, tenant, { groupIds: [await group('Workers', false)] });
    expect((await card(worker.id)).body).toMatchObject({ systemStatus: 'offline', signInRefusal: null });
    expect(await listed('offline')).toContain(worker.id);

    expect((await stack.http.patch(`/api/v1/staff/${worker.id}`, { access: { enabled: false } }, tenant.adminToken)).status).toBe(200);
    expect((await card(worker.id)).body).toMatchObject({ systemStatus: 'no_access', signInRefusal: { code: 'STAFF.ACCESS_DISABLED' } });

    const noPassword = await createEmployee(stack, tenant, { password: undefined });
    expect((await card(noPassword.id)).body).toMatchObject({ systemStatus: 'no_access', signInRefusal: { code: 'STAFF.NO_PASSWORD' } });

    expect((await stack.http.delete(`/api/v1/staff/${worker.id}`, tenant.adminToken)).status).toBe(200);
    expect((await card(worker.id)).body).toMatchObject({ systemStatus: 'deleted', signInRefusal: { code: 'STAFF.DELETED' } });
  });

  it('a personal deny of auth.login shows as no_access with its reason', async () => {
    const person = await createEmployee(stack, tenant);
    expect(
      (await stack.http.put(`/api/v1/staff/${person.id}/rights`, { right: 'auth.login', effect: 'deny' }, tenant.adminToken)).status,
    ).toBe(200);
    expect((await card(person.id)).body).toMatchObject({ systemStatus: 'no_access', signInRefusal: { code: 'RIGHT.DENIED_PERSONALLY' } });
    expect(await listed('no_access')).toContain(person.id);
    expect((await login(stack, tenant, person.email)).status).toBe(403);
  });
});
