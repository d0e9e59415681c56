import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, findNatsServerBinary, launchNatsServer } from '@warden/infra';
import type { NatsServerHandle } from '@warden/infra';
import { eventually } from '@warden/testing';
import { createPortalContact } from './contact.fixtures';
import { SseStream } from './support/sse-stream';
import { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

/** How long the test's NATS server stays down: well inside the services' reconnect window. */
const NATS_DOWN_MS = 10_000;

/**
 * Two gateways in front of the same services, on a NATS server this test owns. A session ended through
 * gateway A (sign-out, a reused refresh token, access removed, deletion, portal access revoked, a blocked
 * contact) is refused by gateway B on the very first request after the answer that ended it — not when an
 * event arrives — and still is after NATS restarts; realtime streams still get `session.ended`. Each case first
 * uses the session on B, so B holds a fresh "live" lease from identity when the session ends: the lease must not
 * outlive the ending answer.
 */
describe('sessions across gateways: an ended session is refused on every gateway at once', () => {
  let nats: NatsServerHandle;
  let natsPort: number;
  let storeDir: string;
  let a: Stack;
  let b: Stack;
  let t: TenantFixture;
  const streams: SseStream[] = [];

  const startNats = () => launchNatsServer({ binary: findNatsServerBinary()!, port: natsPort, storeDir, log: () => undefined });

  beforeAll(async () => {
    natsPort = await findFreePort();
    storeDir = await mkdtemp(path.join(tmpdir(), 'warden-nats-'));
    nats = await startNats();
    a = await Stack.start({ gateway: { NATS_URL: nats.url }, serviceEnv: { NATS_URL: nats.url } });
    b = await Stack.start({ services: [], gateway: { NATS_URL: nats.url } });
    t = await createTenant(a, 'gws');
  }, 120_000);

  afterAll(async () => {
    for (const stream of streams) await stream.close();
    await b?.stop();
    await a?.stop();
    await nats?.stop();
    if (storeDir) await rm(storeDir, { recursive: true, force: true });
  }, 60_000);

  const signIn = async (email: string, password?: string) => {
    const response = await login(a, t, email, password);
    expect(response.status).toBe(200);
    return { access: response.body.accessToken as string, refresh: response.body.refreshToken as string };
  };
  /** The first request on each gateway after the ending answer, sent together so neither waits for the other. */
  const firstRequests = (token: string) => Promise.all([a.http.get('/api/v1/me', token), b.http.get('/api/v1/me', token)]);
  const expectEnded = (responses: Array<{ status: number; body: any }>) => {
    for (const response of responses) expect([response.status, response.body?.code]).toEqual([401, 'AUTH.SESSION_ENDED']);
  };

  it('sign-out through A: the next request with that token on B is 401, every time', async () => {
    const employee = await createEmployee(a, t);
    for (let attempt = 0; attempt < 7; attempt++) {
      const { access } = await signIn(employee.email);
      expect((await b.http.get('/api/v1/me', access)).status).toBe(200);
      expect((await a.http.post('/api/v1/auth/logout', {}, access)).status).toBe(200);
      expectEnded([await b.http.get('/api/v1/me', access)]);
    }
  });

  it('a refresh token reused through A ends the session: B refuses its newest access token at once', async () => {
    const employee = await createEmployee(a, t);
    for (let attempt = 0; attempt < 3; attempt++) {
      const first = await signIn(employee.email);
      const rotated = await a.http.post('/api/v1/auth/refresh', { refreshToken: first.refresh });
      expect(rotated.status).toBe(200);
      const newest = rotated.body.accessToken as string;
      expect((await b.http.get('/api/v1/me', newest)).status).toBe(200);

      const reused = await a.http.post('/api/v1/auth/refresh', { refreshToken: first.refresh });
      expect(reused.status).toBe(401);
      expectEnded([await b.http.get('/api/v1/me', newest)]);
    }
  });

  it("access removed through A (PATCH /staff/{id}): the person's next request is refused on both gateways, every time", async () => {
    for (let attempt = 0; attempt < 7; attempt++) {
      const employee = await createEmployee(a, t);
      const { access } = await signIn(employee.email);
      expect((await b.http.get('/api/v1/me', access)).status).toBe(200);
      expect((await a.http.patch(`/api/v1/staff/${employee.id}`, { access: { enabled: false } }, t.adminToken)).status).toBe(200);
      expectEnded(await firstRequests(access));
    }
    // The administrator who removed it is untouched.
    expect((await b.http.get('/api/v1/me', t.adminToken)).status).toBe(200);
  });

  it('deletion, revoked portal access and a blocked contact are refused on both gateways at once', async () => {
    const employee = await createEmployee(a, t);
    const { access } = await signIn(employee.email);
    expect((await a.http.delete(`/api/v1/staff/${employee.id}`, t.adminToken)).status).toBe(200);
    expectEnded(await firstRequests(access));

    const revoked = await createPortalContact(a, t);
    expect((await b.http.get('/api/v1/me', revoked.token)).status).toBe(200);
    expect((await a.http.delete(`/api/v1/contacts/${revoked.id}/portal-access`, t.adminToken)).status).toBe(200);
    expectEnded(await firstRequests(revoked.token));

    const blocked = await createPortalContact(a, t);
    expect((await b.http.get('/api/v1/me', blocked.token)).status).toBe(200);
    expect((await a.http.patch(`/api/v1/contacts/${blocked.id}`, { status: 'blocked' }, t.adminToken)).status).toBe(200);
    expectEnded(await firstRequests(blocked.token));
  });

  it('after NATS restarts, a sign-out through A is refused on B at once and B still ends its realtime stream', async () => {
    const employee = await createEmployee(a, t);
    const ended = await signIn(employee.email);
    const streamed = await signIn(employee.email);
    const kept = await signIn(employee.email);
    // Opened before the restart; only the revocation feed can end it (no request of this session reaches B again).
    const opened = await SseStream.open(b.http.baseUrl, streamed.access);
    expect(opened.status).toBe(200);
    streams.push(opened.stream);

    await nats.stop();
    await new Promise((resolve) => setTimeout(resolve, NATS_DOWN_MS));
    nats = await startNats();
    // Back once both gateways and the services behind them answer again.
    await eventually(
      async () => {
        for (const stack of [a, b]) expect((await stack.http.get('/api/v1/me', kept.access)).status).toBe(200);
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );

    expect((await a.http.post('/api/v1/auth/logout', {}, ended.access)).status).toBe(200);
    expectEnded([await b.http.get('/api/v1/me', ended.access)]);

    expect((await a.http.post('/api/v1/auth/logout', {}, streamed.access)).status).toBe(200);
    await eventually(() => expect(opened.stream.endedByServer).toBe(true), { timeoutMs: 10_000 });
    expect(opened.stream.events.at(-1)).toMatchObject({ event: 'session.ended', data: { code: 'AUTH.SESSION_ENDED' } });
    // The same person's other session still works on both.
    for (const stack of [a, b]) expect((await stack.http.get('/api/v1/me', kept.access)).status).toBe(200);

    // And a second sign-out, later, reaches B's stream too (the feed keeps following, not only once).
    const later = await signIn(employee.email);
    const second = await SseStream.open(b.http.baseUrl, later.access);
    expect(second.status).toBe(200);
    streams.push(second.stream);
    expect((await a.http.post('/api/v1/auth/logout', {}, later.access)).status).toBe(200);
    await eventually(() => expect(second.stream.endedByServer).toBe(true), { timeoutMs: 10_000 });
    expect(second.stream.of('session.ended')).toHaveLength(1);
  }, 90_000);
});
