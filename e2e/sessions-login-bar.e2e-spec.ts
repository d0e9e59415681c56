import { eventually } from '@warden/testing';
import { SseStream } from './support/sse-stream';
import { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

/**
 * A login bar ends the sessions of the people it bars, like taking their access away: barring a group through
 * gateway A (or putting a person into a barred group) is answered only once gateway B refuses those people's
 * sessions on every route, not only the sign-in right; their realtime streams get `session.ended`. Lifting the
 * bar brings no session back: they sign in again. Everyone else is untouched.
 */
describe('sessions across gateways: a login bar ends the barred people’s sessions at once', () => {
  let a: Stack;
  let b: Stack;
  let t: TenantFixture;
  const streams: SseStream[] = [];

  beforeAll(async () => {
    a = await Stack.start();
    b = await Stack.start({ services: [] });
    t = await createTenant(a, 'bar');
  }, 120_000);

  afterAll(async () => {
    for (const stream of streams) await stream.close();
    await b?.stop();
    await a?.stop();
  }, 60_000);

  const signIn = async (email: string) => {
    const response = await login(a, t, email);
    expect(response.status).toBe(200);
    return response.body.accessToken as string;
  };
  const createGroup = async (name: string, loginBarred = false): Promise<string> => {
    const created = await a.http.post('/api/v1/groups', { name, rights: ['auth.login', 'orders.read'], loginBarred }, t.adminToken);
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const employeeGroupId = async (): Promise<string> =>
    (await a.http.get('/api/v1/groups', t.adminToken)).body.find((group: any) => group.systemKey === 'employee').id;
  const bar = async (groupId: string, loginBarred: boolean) =>
    expect((await a.http.patch(`/api/v1/groups/${groupId}`, { loginBarred }, t.adminToken)).status).toBe(200);
  /** An ordinary route, not the sign-in right: the session itself must be over. */
  const orders = (stack: Stack, token: string) => stack.http.get('/api/v1/orders', token);
  const expectEnded = async (token: string) => {
    for (let request = 0; request < 5; request++) {
      for (const stack of [b, a]) {
        const response = await orders(stack, token);
        expect([response.status, response.body?.code]).toEqual([401, 'AUTH.SESSION_ENDED']);
      }
    }
  };

  it("barring a group through A: its members' very next request on B is 401, every time; other people keep working", async () => {
    const employees = await employeeGroupId();
    for (let attempt = 0; attempt < 5; attempt++) {
      const crew = await createGroup(`Crew ${attempt}`);
      // In the barred group and in a group that is not barred: any barred group bars.
      const member = await createEmployee(a, t, { groupIds: [crew, employees] });
      const other = await createEmployee(a, t, { groupIds: [employees] });
      const memberToken = await signIn(member.email);
      const otherToken = await signIn(other.email);
      expect((await orders(b, memberToken)).status).toBe(200);
      expect((await orders(b, otherToken)).status).toBe(200);

      await bar(crew, true);
      await expectEnded(memberToken);
      for (const stack of [a, b]) {
        expect((await orders(stack, otherToken)).status).toBe(200);
        expect((await orders(stack, t.adminToken)).status).toBe(200);
      }
      const refused = await login(a, t, member.email);
      expect([refused.status, refused.body.code]).toEqual([403, 'LOGIN.GROUP_BARRED']);
    }
  }, 120_000);

  it('the realtime stream of a barred member on B gets session.ended', async () => {
    const crew = await createGroup('Streamed crew');
    const member = await createEmployee(a, t, { groupIds: [crew] });
    const token = await signIn(member.email);
    const opened = await SseStream.open(b.http.baseUrl, token);
    expect(opened.status).toBe(200);
    streams.push(opened.stream);

    await bar(crew, true);
    await expectEnded(token);
    await eventually(() => expect(opened.stream.endedByServer).toBe(true), { timeoutMs: 10_000 });
    expect(opened.stream.events.at(-1)).toMatchObject({ event: 'session.ended', data: { code: 'AUTH.SESSION_ENDED' } });
  });

  it('putting a person into an already barred group (members or their staff groups) ends their sessions at once', async () => {
    const employees = await employeeGroupId();
    const crew = await createGroup('Barred crew', true);

    const added = await createEmployee(a, t, { groupIds: [employees] });
    const addedToken = await signIn(added.email);
    const bystander = await createEmployee(a, t, { groupIds: [employees] });
    const bystanderToken = await signIn(bystander.email);
    expect((await orders(b, addedToken)).status).toBe(200);
    const members = await a.http.post(`/api/v1/groups/${crew}/members`, { personIds: [added.id] }, t.adminToken);
    expect(members.status).toBe(200);
    await expectEnded(addedToken);

    const moved = await createEmployee(a, t, { groupIds: [employees] });
    const movedToken = await signIn(moved.email);
    expect((await orders(b, movedToken)).status).toBe(200);
    expect((await a.http.patch(`/api/v1/staff/${moved.id}`, { groupIds: [employees, crew] }, t.adminToken)).status).toBe(200);
    await expectEnded(movedToken);

    expect((await orders(b, bystanderToken)).status).toBe(200);
  });

  it('a sign-in racing the bar either is refused or its session ends with the bar', async () => {
    for (let round = 0; round < 8; round++) {
      const crew = await createGroup(`Racing crew ${round}`);
      const member = await createEmployee(a, t, { groupIds: [crew] });
      // Sign-ins spread over the time the bar takes to commit and end sessions, some on each gateway.
      const signIns = Array.from({ length: 6 }, async (_, index) => {
        await new Promise((resolve) => setTimeout(resolve, index * 8));
        return login(index % 2 === 0 ? a : b, t, member.email);
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      await bar(crew, true);
      for (const response of await Promise.all(signIns)) {
        if (response.status === 403) continue;
        expect([response.status, response.body.code]).toEqual([200, undefined]);
        await expectEnded(response.body.accessToken);
      }
    }
  }, 120_000);

  it('lifting the bar brings no session back: the people sign in again', async () => {
    const crew = await createGroup('Lifted crew');
    const member = await createEmployee(a, t, { groupIds: [crew] });
    const token = await signIn(member.email);
    await bar(crew, true);
    await bar(crew, false);
    await expectEnded(token);
    const again = await signIn(member.email);
    for (const stack of [a, b]) expect((await orders(stack, again)).status).toBe(200);
  });
});
