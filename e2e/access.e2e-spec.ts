import { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

/** Decisions through the gateway: reasons, cache invalidation on the very next request, explain, fail closed. */
describe('access decisions', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function employeeGroup(tenant: TenantFixture): Promise<any> {
    return (await stack.http.get('/api/v1/groups', tenant.adminToken)).body.find((group: any) => group.systemKey === 'employee');
  }

  async function signedInEmployee(tenant: TenantFixture): Promise<{ id: string; email: string; token: string }> {
    const employee = await createEmployee(stack, tenant);
    const signedIn = await login(stack, tenant, employee.email);
    expect(signedIn.status).toBe(200);
    return { id: employee.id, email: employee.email, token: signedIn.body.accessToken };
  }

  it("a right removed from a group takes effect on the member's very next request", async () => {
    const tenant = await createTenant(stack, 'ac');
    const employee = await signedInEmployee(tenant);
    const employees = await employeeGroup(tenant);
    // Cached as allowed.
    expect((await stack.http.get('/api/v1/staff', employee.token)).status).toBe(200);
    expect((await stack.http.get('/api/v1/staff', employee.token)).status).toBe(200);

    const withoutRead = employees.rights.filter((right: string) => right !== 'staff.read');
    expect((await stack.http.patch(`/api/v1/groups/${employees.id}`, { rights: withoutRead }, tenant.adminToken)).status).toBe(200);
    const refused = await stack.http.get('/api/v1/staff', employee.token);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'RIGHT.NOT_GRANTED', action: 'staff.read' });

    expect((await stack.http.patch(`/api/v1/groups/${employees.id}`, { rights: employees.rights }, tenant.adminToken)).status).toBe(200);
    expect((await stack.http.get('/api/v1/staff', employee.token)).status).toBe(200);
  });

  it('a personal deny takes effect on the next request and wins over the groups; removing it restores access', async () => {
    const tenant = await createTenant(stack, 'ac');
    const employee = await signedInEmployee(tenant);
    expect((await stack.http.get('/api/v1/staff', employee.token)).status).toBe(200);

    const denied = await stack.http.put(`/api/v1/staff/${employee.id}/rights`, { right: 'staff.read', effect: 'deny' }, tenant.adminToken);
    expect(denied.status).toBe(200);
    expect(denied.body.overrides).toEqual([{ right: 'staff.read', effect: 'deny' }]);
    expect(denied.body.effectiveRights).not.toContain('staff.read');
    const refused = await stack.http.get('/api/v1/staff', employee.token);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('RIGHT.DENIED_PERSONALLY');

    const cleared = await stack.http.put(`/api/v1/staff/${employee.id}/rights`, { right: 'staff.read', effect: null }, tenant.adminToken);
    expect(cleared.body.overrides).toEqual([]);
    expect((await stack.http.get('/api/v1/staff', employee.token)).status).toBe(200);
  });

  it('a personal allow grants one right beyond the groups', async () => {
    const tenant = await createTenant(stack, 'ac');
    const employee = await signedInEmployee(tenant);
    expect((await stack.http.post('/api/v1/groups', { name: 'Try', rights: [] }, employee.token)).status).toBe(403);
    const granted = await stack.http.put(
      `/api/v1/staff/${employee.id}/rights`,
      { right: 'groups.manage', effect: 'allow' },
      tenant.adminToken,
    );
    expect(granted.body.effectiveRights).toContain('groups.manage');
    expect((await stack.http.post('/api/v1/groups', { name: 'Try', rights: [] }, employee.token)).status).toBe(201);
  });

  it('refuses bad override input with the field named', async () => {
    const tenant = await createTenant(stack, 'ac');
    const employee = await createEmployee(stack, tenant);
    const badRight = await stack.http.put(
      `/api/v1/staff/${employee.id}/rights`,
      { right: 'orders.fly', effect: 'allow' },
      tenant.adminToken,
    );
    expect(badRight.status).toBe(422);
    expect(badRight.body.errors).toContainEqual(expect.objectContaining({ field: 'right' }));
    const badEffect = await stack.http.put(
      `/api/v1/staff/${employee.id}/rights`,
      { right: 'staff.read', effect: 'maybe' },
      tenant.adminToken,
    );
    expect(badEffect.status).toBe(422);
    expect(badEffect.body.errors).toContainEqual(expect.objectContaining({ field: 'effect' }));
    const missing = await stack.http.get('/api/v1/staff/01900000-0000-7000-8000-000000000000/rights', tenant.adminToken);
    expect(missing.status).toBe(404);
  });

  it("barring the Employee group from login refuses an employee's login with the reason; un-barring restores it", async () => {
    const tenant = await createTenant(stack, 'ac');
    const employee = await createEmployee(stack, tenant);
    const employees = await employeeGroup(tenant);
    expect((await login(stack, tenant, employee.email)).status).toBe(200);

    expect((await stack.http.patch(`/api/v1/groups/${employees.id}`, { loginBarred: true }, tenant.adminToken)).body.loginBarred).toBe(
      true,
    );
    const barred = await login(stack, tenant, employee.email);
    expect(barred.status).toBe(403);
    expect(barred.body.code).toBe('LOGIN.GROUP_BARRED');
    expect(barred.body.detail).toContain("'Employee'");
    // The administrator is not in the barred group.
    expect((await login(stack, tenant, tenant.adminEmail)).status).toBe(200);

    expect((await stack.http.patch(`/api/v1/groups/${employees.id}`, { loginBarred: false }, tenant.adminToken)).status).toBe(200);
    expect((await login(stack, tenant, employee.email)).status).toBe(200);
  });

  it('explains a decision as the chain of rules, to administrators only', async () => {
    const tenant = await createTenant(stack, 'ac');
    const employee = await signedInEmployee(tenant);
    const refused = await stack.http.get(`/api/v1/permissions/explain?personId=${employee.id}&action=groups.manage`, tenant.adminToken);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ allowed: false, code: 'RIGHT.NOT_GRANTED' });
    expect(refused.body.policyVersion).toBeGreaterThan(0);
    expect(refused.body.steps.map((step: any) => [step.rule, step.effect])).toEqual([
      ['person.active', 'none'],
      ['override.personal', 'none'],
      ['group.rights', 'deny'],
    ]);

    await stack.http.put(`/api/v1/staff/${employee.id}/rights`, { right: 'groups.manage', effect: 'allow' }, tenant.adminToken);
    const allowed = await stack.http.get(`/api/v1/permissions/explain?personId=${employee.id}&action=groups.manage`, tenant.adminToken);
    expect(allowed.body).toMatchObject({ allowed: true, code: 'ALLOWED.PERSONAL_OVERRIDE' });
    expect(allowed.body.steps.at(-1)).toMatchObject({ rule: 'override.personal', effect: 'allow' });

    const login = await stack.http.get(`/api/v1/permissions/explain?personId=${tenant.adminId}&action=auth.login`, tenant.adminToken);
    expect(login.body.steps.map((step: any) => step.rule)).toEqual([
      'person.active',
      'group.login-barred',
      'override.personal',
      'group.rights',
    ]);
    expect(login.body.steps.at(-1).detail).toContain("'Administrator'");

    const notAllowed = await stack.http.get(`/api/v1/permissions/explain?personId=${tenant.adminId}&action=auth.login`, employee.token);
    expect(notAllowed.status).toBe(403);
    expect(notAllowed.body.action).toBe('permissions.explain');
    expect((await stack.http.get(`/api/v1/permissions/explain?personId=nope&action=auth.login`, tenant.adminToken)).status).toBe(422);
    expect((await stack.http.get(`/api/v1/permissions/explain?personId=${employee.id}`, tenant.adminToken)).status).toBe(422);
    const unknownType = await stack.http.get(
      `/api/v1/permissions/explain?personId=${employee.id}&action=orders.read&resource=${encodeURIComponent('{"type":"spaceship"}')}`,
      tenant.adminToken,
    );
    expect(unknownType.body).toMatchObject({ allowed: false, code: 'RESOURCE.UNKNOWN_TYPE' });
    const badResource = await stack.http.get(
      `/api/v1/permissions/explain?personId=${employee.id}&action=orders.read&resource=%5B1%5D`,
      tenant.adminToken,
    );
    expect(badResource.status).toBe(422);
  });

  it('fails closed: with the permissions service stopped, protected routes answer 503, never 2xx', async () => {
    const tenant = await createTenant(stack, 'ac');
    const employee = await signedInEmployee(tenant);
    await stack.stopService('permissions');
    for (const [token, path] of [
      [employee.token, '/api/v1/staff'],
      [employee.token, '/api/v1/groups'],
      [tenant.adminToken, '/api/v1/rights'],
      [tenant.adminToken, '/api/v1/groups'],
    ] as const) {
      const response = await stack.http.get(path, token);
      expect({ path, status: response.status }).toEqual({ path, status: 503 });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toMatch(/^BUS\./);
    }
    const created = await stack.http.post('/api/v1/groups', { name: 'During outage', rights: [] }, tenant.adminToken);
    expect(created.status).toBe(503);
    expect((await login(stack, tenant, employee.email)).status).toBe(503);
  });
});
