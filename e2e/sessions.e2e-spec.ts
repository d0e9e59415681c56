import { SessionsRevokedV1 } from '@warden/contracts';
import { SESSION_LEASE_MS } from '@warden/identity';
import { eventually, readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

/**
 * An ended session's access tokens stop working at once, not when they expire: sign-out, deletion and removed
 * access are announced by identity (`identity.sessions.revoked.v1`) and every gateway refuses those tokens,
 * including one started after the fact.
 */
describe('sessions: access tokens of ended sessions are refused', () => {
  let stack: Stack;
  let t: TenantFixture;

  beforeAll(async () => {
    stack = await Stack.start();
    t = await createTenant(stack, 'sess');
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const signIn = async (email: string) => {
    const response = await login(stack, t, email);
    expect(response.status).toBe(200);
    return response.body.accessToken as string;
  };

  it('sign-out refuses that session at once, and only that session', async () => {
    const employee = await createEmployee(stack, t);
    const phone = await signIn(employee.email);
    const laptop = await signIn(employee.email);
    expect((await stack.http.get('/api/v1/me', phone)).status).toBe(200);

    expect((await stack.http.post('/api/v1/auth/logout', {}, phone)).status).toBe(200);
    const refused = await stack.http.get('/api/v1/me', phone);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'AUTH.SESSION_ENDED' });
    expect((await stack.http.get('/api/v1/me', laptop)).status).toBe(200);

    const [event] = await readEvents<SessionsRevokedV1>(SessionsRevokedV1.type, (e) => e.subject === employee.id);
    expect(event!.data).toMatchObject({ personId: employee.id, reason: 'logout', sessionIds: [expect.any(String)] });
    expect(Date.parse(event!.data.tokensExpireBy)).toBeGreaterThan(Date.parse(event!.data.at));
  });

  it('deleting a person or removing its access ends every session it has', async () => {
    const deleted = await createEmployee(stack, t);
    const locked = await createEmployee(stack, t);
    const tokens = [await signIn(deleted.email), await signIn(deleted.email)];
    const lockedToken = await signIn(locked.email);

    expect((await stack.http.delete(`/api/v1/staff/${deleted.id}`, t.adminToken)).status).toBe(200);
    const patched = await stack.http.patch(`/api/v1/staff/${locked.id}`, { access: { enabled: false } }, t.adminToken);
    expect(patched.status).toBe(200);

    await eventually(async () => {
      for (const token of [...tokens, lockedToken])
        expect((await stack.http.get('/api/v1/me', token)).body).toMatchObject({ code: 'AUTH.SESSION_ENDED' });
    });
    const [gone] = await readEvents<SessionsRevokedV1>(SessionsRevokedV1.type, (e) => e.subject === deleted.id);
    expect(gone!.data).toMatchObject({ reason: 'deleted' });
    expect(gone!.data.sessionIds).toHaveLength(2);
    const [off] = await readEvents<SessionsRevokedV1>(SessionsRevokedV1.type, (e) => e.subject === locked.id);
    expect(off!.data).toMatchObject({ reason: 'access-removed', sessionIds: [expect.any(String)] });
    // The administrator's own session is untouched.
    expect((await stack.http.get('/api/v1/me', t.adminToken)).status).toBe(200);
  });

  it('a gateway started afterwards refuses sessions that ended before it started', async () => {
    const employee = await createEmployee(stack, t);
    const token = await signIn(employee.email);
    expect((await stack.http.post('/api/v1/auth/logout', {}, token)).status).toBe(200);
    await readEvents<SessionsRevokedV1>(SessionsRevokedV1.type, (e) => e.subject === employee.id);

    const second = await Stack.start({ services: [] });
    try {
      const refused = await second.http.get('/api/v1/me', token);
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ code: 'AUTH.SESSION_ENDED' });
      expect((await second.http.get('/api/v1/me', t.adminToken)).status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('fails closed: with identity not answering, a valid token gets 503 (whether its session is live is unknown), never 2xx', async () => {
    const employee = await createEmployee(stack, t);
    const token = await signIn(employee.email);
    expect((await stack.http.get('/api/v1/staff', token)).status).toBe(200);
    await stack.stopService('identity');
    // Until the last "live" answer's lease runs out the session is taken as live; after it, nothing is.
    await new Promise((resolve) => setTimeout(resolve, SESSION_LEASE_MS + 100));
    for (const path of ['/api/v1/staff', '/api/v1/groups', '/api/v1/orders']) {
      const response = await stack.http.get(path, token);
      expect({ path, status: response.status }).toEqual({ path, status: 503 });
      expect(response.body).toMatchObject({ code: expect.stringMatching(/^BUS\./), service: 'identity' });
    }
  });
});
