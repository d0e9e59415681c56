import { JwtService } from '@nestjs/jwt';
import { testEnv } from '@warden/testing';
import { Stack } from './support/stack';
import { createEmployee, createTenant, login, PASSWORD } from './staff.fixtures';

describe('authentication', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers an unknown tenant, an unknown email and a wrong password alike', async () => {
    const tenant = await createTenant(stack, 'auth');
    const answers = [
      await stack.http.post('/api/v1/auth/login', { tenant: 'no-such-tenant-here', email: tenant.adminEmail, password: PASSWORD }),
      await stack.http.post('/api/v1/auth/login', { tenant: tenant.slug, email: `nobody@${tenant.slug}.test`, password: PASSWORD }),
      await stack.http.post('/api/v1/auth/login', { tenant: tenant.slug, email: tenant.adminEmail, password: 'wrong-password' }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS', detail: answers[0]!.body.detail });
    }
    const right = await stack.http.post('/api/v1/auth/login', {
      tenant: tenant.slug,
      email: tenant.adminEmail.toUpperCase(),
      password: PASSWORD,
    });
    expect(right.status).toBe(200);
  });

  it('refuses a malformed sign-in with 422 naming the fields', async () => {
    const missing = await stack.http.post('/api/v1/auth/login', { tenant: 'x', password: 5, extra: true });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((error: any) => error.field)).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
    const refresh = await stack.http.post('/api/v1/auth/refresh', {});
    expect(refresh.status).toBe(422);
    expect(refresh.body.errors[0].field).toBe('refreshToken');
  });

  it('refuses missing, forged and expired access tokens, and accepts a valid one', async () => {
    const tenant = await createTenant(stack, 'tok');
    expect((await stack.http.get('/api/v1/me', tenant.adminToken)).status).toBe(200);

    const missing = await stack.http.get('/api/v1/me');
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('AUTH.TOKEN_MISSING');

    const claims = {
      sub: tenant.adminId,
      tid: tenant.tenantId,
      tsl: tenant.slug,
      kind: 'employee',
      sid: '0190f0f0-0000-7000-8000-000000000000',
    };
    const forged = new JwtService().sign(claims, { secret: 'some-other-secret-some-other-secret-00', expiresIn: 600 });
    const forgedAnswer = await stack.http.get('/api/v1/staff', forged);
    expect(forgedAnswer.status).toBe(401);
    expect(forgedAnswer.body.code).toBe('AUTH.TOKEN_INVALID');

    const [header, payload] = tenant.adminToken.split('.');
    const tampered = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    expect((await stack.http.get('/api/v1/me', tampered)).status).toBe(401);

    const expired = new JwtService().sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, { secret: testEnv().jwtSecret });
    const expiredAnswer = await stack.http.get('/api/v1/me', expired);
    expect(expiredAnswer.status).toBe(401);
    expect(expiredAnswer.body.code).toBe('AUTH.TOKEN_EXPIRED');
  });

  it('rotates refresh tokens, and a reused one ends the whole session family', async () => {
    const tenant = await createTenant(stack, 'rot');
    const first = tenant.adminRefresh;

    const second = await stack.http.post('/api/v1/auth/refresh', { refreshToken: first });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first);
    expect((await stack.http.get('/api/v1/me', second.body.accessToken)).status).toBe(200);

    const third = await stack.http.post('/api/v1/auth/refresh', { refreshToken: second.body.refreshToken });
    expect(third.status).toBe(200);

    // The first token comes back (stolen and replayed): refused, and the family dies.
    const replay = await stack.http.post('/api/v1/auth/refresh', { refreshToken: first });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('AUTH.REFRESH_REUSED');
    const newest = await stack.http.post('/api/v1/auth/refresh', { refreshToken: third.body.refreshToken });
    expect(newest.status).toBe(401);
    expect(newest.body.code).toBe('AUTH.REFRESH_INVALID');

    const unknown = await stack.http.post('/api/v1/auth/refresh', { refreshToken: 'definitely-not-a-token' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('AUTH.REFRESH_INVALID');

    // Another sign-in is a separate family and still works.
    const again = await login(stack, tenant, tenant.adminEmail);
    expect((await stack.http.post('/api/v1/auth/refresh', { refreshToken: again.body.refreshToken })).status).toBe(200);
  });

  it('logout ends the session: its refresh token stops working', async () => {
    const tenant = await createTenant(stack, 'out');
    const out = await stack.http.post('/api/v1/auth/logout', {}, tenant.adminToken);
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ loggedOut: true });
    const refresh = await stack.http.post('/api/v1/auth/refresh', { refreshToken: tenant.adminRefresh });
    expect(refresh.status).toBe(401);
    expect(refresh.body.code).toBe('AUTH.REFRESH_INVALID');
    const heartbeat = await stack.http.post('/api/v1/me/heartbeat', {}, tenant.adminToken);
    expect(heartbeat.status).toBe(401);
    expect(heartbeat.body.code).toBe('AUTH.SESSION_ENDED');
  });

  it('refuses sign-in to a person whose group is barred from login, with the reason', async () => {
    const tenant = await createTenant(stack, 'bar');
    const groups = await stack.http.get('/api/v1/groups', tenant.adminToken);
    const employees = groups.body.find((group: any) => group.systemKey === 'employee');
    const barred = await stack.http.patch(`/api/v1/groups/${employees.id}`, { loginBarred: true }, tenant.adminToken);
    expect(barred.status).toBe(200);
    const employee = await createEmployee(stack, tenant);
    const refused = await login(stack, tenant, employee.email);
    expect(refused.status).toBe(403);
    expect(refused.body.code).not.toBe('AUTH.INVALID_CREDENTIALS');
    expect(refused.body.detail).toEqual(expect.any(String));
  });
});
