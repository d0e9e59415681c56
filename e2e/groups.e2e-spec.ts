import { PolicyChangedV1 } from '@warden/contracts';
import { readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

describe('groups', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function groupByKey(tenant: TenantFixture, key: string): Promise<any> {
    const groups = await stack.http.get('/api/v1/groups', tenant.adminToken);
    return groups.body.find((group: any) => group.systemKey === key);
  }

  it('a new tenant has Administrator, Employee and Client, the administrator in the first', async () => {
    const tenant = await createTenant(stack, 'gr');
    const groups = await stack.http.get('/api/v1/groups', tenant.adminToken);
    expect(groups.status).toBe(200);
    expect(groups.body.map((group: any) => [group.name, group.systemKey, group.memberCount])).toEqual([
      ['Administrator', 'administrator', 1],
      ['Client', 'client', 0],
      ['Employee', 'employee', 0],
    ]);
    const administrator = await stack.http.get(`/api/v1/groups/${groups.body[0].id}`, tenant.adminToken);
    expect(administrator.body.memberIds).toEqual([tenant.adminId]);
    expect(administrator.body.rights).toContain('groups.manage');
    const rights = await stack.http.get('/api/v1/rights', tenant.adminToken);
    expect(rights.status).toBe(200);
    expect(rights.body).toContainEqual({ name: 'auth.login', description: expect.stringContaining('Sign in') });
  });

  it('a group says which level it has on statuses nobody set: a new group sees no order status until granted, and may set task statuses', async () => {
    const tenant = await createTenant(stack, 'grd');
    const created = await stack.http.post('/api/v1/groups', { name: 'Couriers', rights: ['auth.login', 'orders.read'] }, tenant.adminToken);
    expect(created.status).toBe(201);
    expect(created.body.defaultLevels).toEqual({ order: { initial: 'none', active: 'none', final: 'none' }, task: 'set' });
    const listed = await stack.http.get('/api/v1/groups', tenant.adminToken);
    const defaults = Object.fromEntries(listed.body.map((group: any) => [group.systemKey ?? group.name, group.defaultLevels]));
    expect(defaults).toEqual({
      administrator: { order: { initial: 'set', active: 'set', final: 'set' }, task: 'set' },
      employee: { order: { initial: 'set', active: 'set', final: 'view' }, task: 'set' },
      client: { order: { initial: 'set', active: 'view', final: 'view' }, task: 'set' },
      Couriers: { order: { initial: 'none', active: 'none', final: 'none' }, task: 'set' },
    });
    // The levels screen of the group agrees: every existing order status at none, by default.
    const levels = await stack.http.get(`/api/v1/groups/${created.body.id}/status-access`, tenant.adminToken);
    expect(levels.status).toBe(200);
    const orderStatuses = levels.body.workflows
      .filter((workflow: any) => workflow.kind !== 'task')
      .flatMap((workflow: any) => workflow.statuses);
    expect(orderStatuses.length).toBeGreaterThan(0);
    expect([...new Set(orderStatuses.map((status: any) => `${status.level}/${status.explicit}`))]).toEqual(['none/false']);
    expect((await stack.http.get(`/api/v1/groups/${created.body.id}`, tenant.adminToken)).body.defaultLevels).toEqual(
      created.body.defaultLevels,
    );
  });

  it('a plain employee may read groups but is refused managing them, with the reason', async () => {
    const tenant = await createTenant(stack, 'gr');
    const employee = await createEmployee(stack, tenant);
    const token = (await login(stack, tenant, employee.email)).body.accessToken;
    expect((await stack.http.get('/api/v1/groups', token)).status).toBe(200);
    const refused = await stack.http.post('/api/v1/groups', { name: 'Mine', rights: [] }, token);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'RIGHT.NOT_GRANTED', action: 'groups.manage' });
    expect(refused.body.detail).toContain("'groups.manage'");
    expect(refused.body.detail).toContain("'Employee'");
    const employees = await groupByKey(tenant, 'employee');
    expect((await stack.http.patch(`/api/v1/groups/${employees.id}`, { rights: ['auth.login', 'groups.manage'] }, token)).status).toBe(403);
    expect((await stack.http.get(`/api/v1/staff/${employee.id}/rights`, token)).status).toBe(403);
  });

  it('creates, renames and fills a group; refuses bad input with the field named', async () => {
    const tenant = await createTenant(stack, 'gr');
    const created = await stack.http.post('/api/v1/groups', { name: 'Masters', rights: ['auth.login', 'orders.read'] }, tenant.adminToken);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Masters',
      systemKey: null,
      rights: ['auth.login', 'orders.read'],
      loginBarred: false,
      memberCount: 0,
    });

    const duplicate = await stack.http.post('/api/v1/groups', { name: 'masters', rights: [] }, tenant.adminToken);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('GROUP.NAME_TAKEN');
    const unknownRight = await stack.http.post('/api/v1/groups', { name: 'X', rights: ['orders.fly'] }, tenant.adminToken);
    expect(unknownRight.status).toBe(422);
    expect(unknownRight.body.errors).toContainEqual(expect.objectContaining({ field: 'rights' }));
    const unknownField = await stack.http.post('/api/v1/groups', { name: 'X', rights: [], colour: 'red' }, tenant.adminToken);
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.errors).toContainEqual({ field: 'colour', reason: 'is not a known field' });
    expect((await stack.http.post('/api/v1/groups', { name: '', rights: [] }, tenant.adminToken)).status).toBe(422);
    const blank = await stack.http.post('/api/v1/groups', { name: '   ', rights: [] }, tenant.adminToken);
    expect([blank.status, blank.body.errors]).toEqual([422, [expect.objectContaining({ field: 'name' })]]);
    expect((await stack.http.get('/api/v1/groups/not-a-uuid', tenant.adminToken)).status).toBe(404);
    const missing = await stack.http.get('/api/v1/groups/01900000-0000-7000-8000-000000000000', tenant.adminToken);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('GROUP.NOT_FOUND');

    const renamed = await stack.http.patch(`/api/v1/groups/${created.body.id}`, { name: '  Senior masters ' }, tenant.adminToken);
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Senior masters');
    const clash = await stack.http.patch(`/api/v1/groups/${created.body.id}`, { name: 'EMPLOYEE' }, tenant.adminToken);
    expect(clash.status).toBe(409);

    const employee = await createEmployee(stack, tenant);
    const added = await stack.http.post(`/api/v1/groups/${created.body.id}/members`, { personIds: [employee.id] }, tenant.adminToken);
    expect(added.status).toBe(200);
    expect(added.body.memberCount).toBe(1);
    const staff = await stack.http.get(`/api/v1/staff/${employee.id}`, tenant.adminToken);
    expect(staff.body.groups.map((group: any) => group.name)).toEqual(['Employee', 'Senior masters']);
    const stranger = await stack.http.post(
      `/api/v1/groups/${created.body.id}/members`,
      { personIds: ['01900000-0000-7000-8000-000000000000'] },
      tenant.adminToken,
    );
    expect(stranger.status).toBe(422);
    expect(stranger.body).toMatchObject({ code: 'PERSON.UNKNOWN', errors: [expect.objectContaining({ field: 'personIds' })] });
    const removed = await stack.http.delete(`/api/v1/groups/${created.body.id}/members/${employee.id}`, tenant.adminToken);
    expect(removed.status).toBe(200);
    expect(removed.body.memberCount).toBe(0);
  });

  it("keeps the Administrator group's rights and its last administrator", async () => {
    const tenant = await createTenant(stack, 'gr');
    const administrators = await groupByKey(tenant, 'administrator');
    const fixed = await stack.http.patch(`/api/v1/groups/${administrators.id}`, { rights: ['auth.login'] }, tenant.adminToken);
    expect(fixed.status).toBe(422);
    expect(fixed.body).toMatchObject({ code: 'GROUP.SYSTEM_RIGHTS_FIXED', errors: [{ field: 'rights' }] });
    const barred = await stack.http.patch(`/api/v1/groups/${administrators.id}`, { loginBarred: true }, tenant.adminToken);
    expect(barred.status).toBe(422);
    const last = await stack.http.delete(`/api/v1/groups/${administrators.id}/members/${tenant.adminId}`, tenant.adminToken);
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('GROUP.LAST_ADMINISTRATOR');
  });

  it("isolates tenants: A's administrator gets 404 for B's group and B's people", async () => {
    const a = await createTenant(stack, 'gra');
    const b = await createTenant(stack, 'grb');
    const bGroup = (await stack.http.post('/api/v1/groups', { name: 'B only', rights: ['auth.login'] }, b.adminToken)).body;
    const bEmployee = await createEmployee(stack, b);
    expect((await stack.http.get(`/api/v1/groups/${bGroup.id}`, a.adminToken)).status).toBe(404);
    expect((await stack.http.patch(`/api/v1/groups/${bGroup.id}`, { name: 'Taken over' }, a.adminToken)).status).toBe(404);
    expect((await stack.http.post(`/api/v1/groups/${bGroup.id}/members`, { personIds: [a.adminId] }, a.adminToken)).status).toBe(404);
    expect((await stack.http.delete(`/api/v1/groups/${bGroup.id}/members/${bEmployee.id}`, a.adminToken)).status).toBe(404);
    expect((await stack.http.get(`/api/v1/staff/${bEmployee.id}/rights`, a.adminToken)).status).toBe(404);
    expect(
      (await stack.http.put(`/api/v1/staff/${bEmployee.id}/rights`, { right: 'staff.read', effect: 'deny' }, a.adminToken)).status,
    ).toBe(404);
    expect((await stack.http.get(`/api/v1/permissions/explain?personId=${bEmployee.id}&action=auth.login`, a.adminToken)).status).toBe(404);
    expect((await stack.http.get('/api/v1/groups', a.adminToken)).body.map((group: any) => group.name)).not.toContain('B only');
    expect((await stack.http.get(`/api/v1/groups/${bGroup.id}`, b.adminToken)).body.name).toBe('B only');
  });

  it('announces every policy change as permissions.policy.changed.v1 on the stream', async () => {
    const tenant = await createTenant(stack, 'gr');
    const employees = await groupByKey(tenant, 'employee');
    const employee = await createEmployee(stack, tenant);
    const patched = await stack.http.patch(`/api/v1/groups/${employees.id}`, { rights: ['auth.login'] }, tenant.adminToken);
    expect(patched.status).toBe(200);
    const events = await readEvents<PolicyChangedV1>(
      PolicyChangedV1.type,
      (event) => event.tenantid === tenant.tenantId && event.data.change === 'group.updated',
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ specversion: '1.0', source: '/warden/permissions', subject: tenant.tenantId });
    expect(events[0]!.data.affectedPersonIds).toEqual([employee.id]);
    expect(events[0]!.data.policyVersion).toBeGreaterThan(1);
  });
});
