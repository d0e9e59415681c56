import { EmployeeCreatedV1 } from '@warden/contracts';
import { readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createEmployee, createTenant, login, PASSWORD } from './staff.fixtures';

describe('staff registry', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('walks the story: tenant, admin, employee with access, statuses, refusal, deletion', async () => {
    const tenant = await createTenant(stack);
    const me = await stack.http.get('/api/v1/me', tenant.adminToken);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: tenant.adminId, tenantSlug: tenant.slug, systemStatus: 'online' });
    expect(me.body.groups.map((group: any) => group.name)).toContain('Administrator');

    const created = await stack.http.post(
      '/api/v1/staff',
      {
        lastName: 'Petrov',
        firstName: 'Ivan',
        middleName: 'Sergeevich',
        phone: '+7 900 123-45-67',
        position: 'Engineer',
        email: 'Ivan.Petrov@Example.com',
        password: PASSWORD,
      },
      tenant.adminToken,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'ivan.petrov@example.com',
      fullName: 'Petrov Ivan Sergeevich',
      systemStatus: 'offline',
      lastLoginAt: null,
      deletedAt: null,
    });
    expect(created.body.groups.map((group: any) => group.name)).toEqual(['Employee']);
    const employeeId = created.body.id;

    const employeeLogin = await login(stack, tenant, 'IVAN.PETROV@example.com');
    expect(employeeLogin.status).toBe(200);
    expect(employeeLogin.body).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number) });
    const employeeToken = employeeLogin.body.accessToken;

    const list = await stack.http.get('/api/v1/staff', employeeToken);
    expect(list.status).toBe(200);
    const employeeRow = list.body.items.find((item: any) => item.id === employeeId);
    expect(employeeRow).toMatchObject({ systemStatus: 'online', lastLoginAt: expect.any(String) });
    expect(list.body.items.find((item: any) => item.id === tenant.adminId)).toMatchObject({ systemStatus: 'online' });

    const refused = await stack.http.post(
      '/api/v1/staff',
      { lastName: 'X', firstName: 'Y', email: `x@${tenant.slug}.test` },
      employeeToken,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toEqual(expect.any(String));
    expect(refused.body.detail).toEqual(expect.any(String));
    const refusedDelete = await stack.http.delete(`/api/v1/staff/${tenant.adminId}`, employeeToken);
    expect(refusedDelete.status).toBe(403);

    const deleted = await stack.http.delete(`/api/v1/staff/${employeeId}`, tenant.adminToken);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: employeeId, systemStatus: 'deleted', deletedAt: expect.any(String) });

    const afterDelete = await login(stack, tenant, 'ivan.petrov@example.com');
    expect(afterDelete.status).toBe(401);
    expect(afterDelete.body.code).toBe('AUTH.INVALID_CREDENTIALS');
    const refreshAfterDelete = await stack.http.post('/api/v1/auth/refresh', { refreshToken: employeeLogin.body.refreshToken });
    expect(refreshAfterDelete.status).toBe(401);

    const hidden = await stack.http.get('/api/v1/staff', tenant.adminToken);
    expect(hidden.body.items.map((item: any) => item.id)).not.toContain(employeeId);
    const shown = await stack.http.get('/api/v1/staff?includeDeleted=true', tenant.adminToken);
    expect(shown.body.items.map((item: any) => item.id)).toContain(employeeId);
    const onlyDeleted = await stack.http.get('/api/v1/staff?status=deleted', tenant.adminToken);
    expect(onlyDeleted.body.items.map((item: any) => item.id)).toEqual([employeeId]);
    const stillReadable = await stack.http.get(`/api/v1/staff/${employeeId}`, tenant.adminToken);
    expect(stillReadable.status).toBe(200);
    expect(stillReadable.body.systemStatus).toBe('deleted');

    const events = await readEvents<EmployeeCreatedV1>(EmployeeCreatedV1.type, (event) => event.subject === employeeId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      specversion: '1.0',
      type: 'identity.employee.created.v1',
      source: '/warden/identity',
      tenantid: tenant.tenantId,
      data: { personId: employeeId, email: 'ivan.petrov@example.com', hasAccess: true, groupIds: [] },
    });
  });

  it('creates an employee without a password as no_access, and granting access lets them sign in', async () => {
    const tenant = await createTenant(stack);
    const { id, email } = await createEmployee(stack, tenant, { password: undefined });
    const view = await stack.http.get(`/api/v1/staff/${id}`, tenant.adminToken);
    expect(view.body.systemStatus).toBe('no_access');
    expect((await login(stack, tenant, email)).status).toBe(401);

    const needsPassword = await stack.http.patch(`/api/v1/staff/${id}`, { access: { enabled: true } }, tenant.adminToken);
    expect(needsPassword.status).toBe(422);
    expect(needsPassword.body.errors).toEqual([expect.objectContaining({ field: 'access.password' })]);

    const granted = await stack.http.patch(
      `/api/v1/staff/${id}`,
      { access: { enabled: true, password: 'another-password' } },
      tenant.adminToken,
    );
    expect(granted.status).toBe(200);
    expect(granted.body.systemStatus).toBe('offline');
    expect((await login(stack, tenant, email, 'another-password')).status).toBe(200);

    const revoked = await stack.http.patch(`/api/v1/staff/${id}`, { access: { enabled: false } }, tenant.adminToken);
    expect(revoked.body.systemStatus).toBe('no_access');
    const noAccess = await login(stack, tenant, email, 'another-password');
    expect(noAccess.status).toBe(403);
    expect(noAccess.body.code).toBe('AUTH.NO_ACCESS');
  });

  it('changes fields and groups, and lists with search, status filter and cursor pages', async () => {
    const tenant = await createTenant(stack);
    const groups = await stack.http.get('/api/v1/groups', tenant.adminToken);
    expect(groups.status).toBe(200);
    const administrators = groups.body.find((group: any) => group.systemKey === 'administrator' || group.name === 'Administrator');
    const a = await createEmployee(stack, tenant, { lastName: 'Aaronson', phone: '+1 555 0101' });
    const b = await createEmployee(stack, tenant, { lastName: 'Baker', password: undefined });
    await createEmployee(stack, tenant, { lastName: 'Carter' });

    const changed = await stack.http.patch(
      `/api/v1/staff/${a.id}`,
      { position: 'Lead', middleName: null, groupIds: [administrators.id] },
      tenant.adminToken,
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ position: 'Lead', middleName: null });
    expect(changed.body.groups).toEqual([{ id: administrators.id, name: administrators.name }]);

    const search = await stack.http.get('/api/v1/staff?search=aaron', tenant.adminToken);
    expect(search.body.items.map((item: any) => item.id)).toEqual([a.id]);
    const byPhone = await stack.http.get('/api/v1/staff?search=555%200101', tenant.adminToken);
    expect(byPhone.body.items.map((item: any) => item.id)).toEqual([a.id]);
    const noAccess = await stack.http.get('/api/v1/staff?status=no_access', tenant.adminToken);
    expect(noAccess.body.items.map((item: any) => item.id)).toEqual([b.id]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await stack.http.get(`/api/v1/staff?limit=2${cursor ? `&cursor=${cursor}` : ''}`, tenant.adminToken);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item: any) => item.lastName));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Aaronson', 'Admin', 'Baker', 'Carter']);
  });

  it('refuses bad input with 422 naming each field, and writes nothing', async () => {
    const tenant = await createTenant(stack);
    const missing = await stack.http.post('/api/v1/staff', { firstName: 'Ivan' }, tenant.adminToken);
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('REQUEST.INVALID');
    const fields = missing.body.errors.map((error: any) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['lastName', 'email']));

    const malformed = await stack.http.post(
      '/api/v1/staff',
      { lastName: 'P', firstName: 'I', email: 'not-an-email', phone: 'call me', password: 'short', groupIds: ['nope'] },
      tenant.adminToken,
    );
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors.map((error: any) => error.field)).toEqual(
      expect.arrayContaining(['email', 'phone', 'password', 'groupIds']),
    );

    const unknownField = await stack.http.post(
      '/api/v1/staff',
      { lastName: 'P', firstName: 'I', email: `p@${tenant.slug}.test`, role: 'boss' },
      tenant.adminToken,
    );
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.errors).toEqual([{ field: 'role', reason: 'is not a known field' }]);

    const email = `dup@${tenant.slug}.test`;
    const unknownGroup = await stack.http.post(
      '/api/v1/staff',
      { lastName: 'P', firstName: 'I', email, groupIds: ['0190f0f0-0000-7000-8000-000000000000'] },
      tenant.adminToken,
    );
    expect(unknownGroup.status).toBe(422);
    expect(unknownGroup.body.errors[0].field).toBe('groupIds');
    // Nothing was written: the same email is still free.
    expect((await stack.http.post('/api/v1/staff', { lastName: 'P', firstName: 'I', email }, tenant.adminToken)).status).toBe(201);

    const duplicate = await stack.http.post(
      '/api/v1/staff',
      { lastName: 'Q', firstName: 'R', email: email.toUpperCase() },
      tenant.adminToken,
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('STAFF.EMAIL_TAKEN');

    const badQuery = await stack.http.get('/api/v1/staff?status=sleeping&limit=500', tenant.adminToken);
    expect(badQuery.status).toBe(422);
    expect(badQuery.body.errors.map((error: any) => error.field)).toEqual(expect.arrayContaining(['status', 'limit']));
    const badCursor = await stack.http.get('/api/v1/staff?cursor=garbage', tenant.adminToken);
    expect(badCursor.status).toBe(422);

    const badId = await stack.http.get('/api/v1/staff/not-a-uuid', tenant.adminToken);
    expect(badId.status).toBe(404);
    expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    const missingPerson = await stack.http.patch(
      '/api/v1/staff/0190f0f0-0000-7000-8000-000000000000',
      { position: 'x' },
      tenant.adminToken,
    );
    expect(missingPerson.status).toBe(404);
    expect(missingPerson.body.code).toBe('STAFF.NOT_FOUND');
  });

  it('keeps tenants apart: an administrator of A cannot see, change or delete B people', async () => {
    const a = await createTenant(stack, 'iso-a');
    const b = await createTenant(stack, 'iso-b');
    const employeeOfB = await createEmployee(stack, b);

    for (const response of [
      await stack.http.get(`/api/v1/staff/${employeeOfB.id}`, a.adminToken),
      await stack.http.patch(`/api/v1/staff/${employeeOfB.id}`, { position: 'Hacked' }, a.adminToken),
      await stack.http.delete(`/api/v1/staff/${employeeOfB.id}`, a.adminToken),
      await stack.http.get(`/api/v1/staff/${b.adminId}`, a.adminToken),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('STAFF.NOT_FOUND');
    }
    const listOfA = await stack.http.get('/api/v1/staff?includeDeleted=true&limit=200', a.adminToken);
    const ids = listOfA.body.items.map((item: any) => item.id);
    expect(ids).toEqual([a.adminId]);
    const stillThere = await stack.http.get(`/api/v1/staff/${employeeOfB.id}`, b.adminToken);
    expect(stillThere.body).toMatchObject({ position: null, systemStatus: 'offline' });
    // The same email may exist in two tenants.
    expect((await createEmployee(stack, a, { email: employeeOfB.email })).email).toBe(employeeOfB.email);
  });
});
