import { SessionsRevokedV1 } from '@warden/contracts';
import { eventually, readEvents } from '@warden/testing';
import { SseStream } from './support/sse-stream';
import { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

/**
 * An open realtime stream lives no longer than its session: when the session ends (sign-out through this
 * gateway, or identity's `identity.sessions.revoked.v1` after a deletion) the stream gets a last `session.ended`
 * event and is closed, and the session cannot open a new one. Other sessions keep their streams.
 */
describe('realtime: streams of an ended session are closed', () => {
  let stack: Stack;
  let t: TenantFixture;
  const streams: SseStream[] = [];

  beforeAll(async () => {
    stack = await Stack.start();
    t = await createTenant(stack, 'rts');
  }, 120_000);

  afterAll(async () => {
    for (const stream of streams) await stream.close();
    await stack?.stop();
  });

  const signIn = async (email: string) => {
    const response = await login(stack, t, email);
    expect(response.status).toBe(200);
    return response.body.accessToken as string;
  };
  const open = async (token: string, via: 'header' | 'query' = 'header') => {
    const opened = await SseStream.open(stack.http.baseUrl, token, via);
    expect(opened.status).toBe(200);
    streams.push(opened.stream);
    return opened.stream;
  };
  const expectEnded = async (stream: SseStream) => {
    await eventually(() => expect(stream.endedByServer).toBe(true));
    expect(stream.events.at(-1)).toEqual({
      event: 'session.ended',
      data: { code: 'AUTH.SESSION_ENDED', detail: expect.stringContaining('sign in again') },
    });
  };
  const expectRefused = async (token: string) => {
    for (const via of ['header', 'query'] as const) {
      const refused = await SseStream.open(stack.http.baseUrl, token, via);
      expect([refused.status, refused.body?.code]).toEqual([401, 'AUTH.SESSION_ENDED']);
    }
  };
  /** An internal chat of the administrator with the employee, once the inquiries service knows the employee. */
  const chatWith = async (employeeId: string) => {
    const chat = await eventually(
      async () => {
        const created = await stack.http.post(
          '/api/v1/conversations',
          { kind: 'internal', title: 'Realtime', employeeIds: [employeeId] },
          t.adminToken,
        );
        expect(created.status).toBe(201);
        return created.body.id as string;
      },
      { timeoutMs: 10_000 },
    );
    return async (text: string) => {
      const posted = await stack.http.post(`/api/v1/conversations/${chat}/messages`, { text }, t.adminToken);
      expect(posted.status).toBe(201);
      return posted.body.id as string;
    };
  };

  it("sign-out ends that session's stream with session.ended; the same person's other session keeps receiving", async () => {
    const employee = await createEmployee(stack, t);
    const phoneToken = await signIn(employee.email);
    const laptopToken = await signIn(employee.email);
    const post = await chatWith(employee.id);
    const phone = await open(phoneToken);
    const laptop = await open(laptopToken, 'query');
    const before = await post('Both of you?');
    await eventually(() => {
      for (const stream of [phone, laptop])
        expect(stream.of('inquiries.message.posted.v1', (e) => e.data.messageId === before)).toHaveLength(1);
    });

    expect((await stack.http.post('/api/v1/auth/logout', {}, phoneToken)).status).toBe(200);
    await expectEnded(phone);
    expect(phone.of('session.ended')).toHaveLength(1);

    const after = await post('Still there, laptop?');
    await eventually(() => expect(laptop.of('inquiries.message.posted.v1', (e) => e.data.messageId === after)).toHaveLength(1));
    expect(laptop.endedByServer).toBe(false);
    expect(laptop.of('session.ended')).toEqual([]);
    expect(phone.of('inquiries.message.posted.v1', (e) => e.data.messageId === after)).toEqual([]);
    await expectRefused(phoneToken);
  });

  it("deleting a person ends every stream of every session it has (the revocation event), and nobody else's", async () => {
    const employee = await createEmployee(stack, t);
    const tokens = [await signIn(employee.email), await signIn(employee.email)];
    const post = await chatWith(employee.id);
    const mine = [await open(tokens[0]!), await open(tokens[1]!, 'query')];
    const admin = await open(t.adminToken);

    expect((await stack.http.delete(`/api/v1/staff/${employee.id}`, t.adminToken)).status).toBe(200);
    const [revoked] = await readEvents<SessionsRevokedV1>(SessionsRevokedV1.type, (e) => e.subject === employee.id);
    expect(revoked!.data).toMatchObject({ reason: 'deleted' });
    expect(revoked!.data.sessionIds).toHaveLength(2);
    for (const stream of mine) await expectEnded(stream);

    const later = await post('Admin still connected?');
    await eventually(() => expect(admin.of('inquiries.message.posted.v1', (e) => e.data.messageId === later)).toHaveLength(1));
    expect(admin.endedByServer).toBe(false);
    for (const token of tokens) await expectRefused(token);
  });
});
