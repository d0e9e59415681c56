import { InquiryAssignedV1, InquiryReassignedV1 } from '@warden/contracts';
import { eventually, readEvents } from '@warden/testing';
import { SseStream } from './support/sse-stream';
import { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

// The rules shown here: docs/rules.md#chats-and-inquiries.
describe('inquiries: reception modes, routing, stickiness, queue, explanations and realtime', () => {
  let stack: Stack;
  let t: TenantFixture;
  const people: Record<string, { id: string; email: string; token: string }> = {};
  const branches: Record<string, string> = {};
  const clients: Record<string, string> = {};
  const streams: SseStream[] = [];

  const http = () => stack.http;
  const preview = async (contactId: string) => {
    const response = await http().get(`/api/v1/inquiries/routing/preview?contactId=${contactId}`, t.adminToken);
    expect(response.status).toBe(200);
    return response.body;
  };
  const verdict = (decision: any, personId: string) => decision.candidates.find((candidate: any) => candidate.personId === personId);
  const write = async (contactId: string, text: string) => {
    const response = await http().post('/api/v1/inquiries', { contactId, text }, t.adminToken);
    expect(response.status).toBe(201);
    return response.body;
  };
  const contact = async (lastName: string, fields: Record<string, unknown>) => {
    const response = await http().post(
      '/api/v1/contacts',
      { lastName, firstName: 'Client', email: `${lastName.toLowerCase()}@client.test`, ...fields },
      t.adminToken,
    );
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  beforeAll(async () => {
    stack = await Stack.start();
    t = await createTenant(stack, 'inq');
    for (const name of ['A', 'B'])
      branches[name] = (await http().post('/api/v1/branches', { name: `Branch ${name}`, timeZone: 'UTC' }, t.adminToken)).body.id;
    const accountants = await http().post(
      '/api/v1/groups',
      { name: 'Accountants', rights: ['auth.login', 'staff.read', 'chats.internal'] },
      t.adminToken,
    );
    const chatAdmins = await http().post(
      '/api/v1/groups',
      { name: 'Chat admins', rights: ['auth.login', 'staff.read', 'chats.internal', 'inquiries.admin'] },
      t.adminToken,
    );
    expect([accountants.status, chatAdmins.status]).toEqual([201, 201]);
    const staff: Array<[string, string | null, string]> = [
      ['accountant', accountants.body.id, 'A'],
      ['rita', null, 'A'], // front-desk administrator of branch A
      ['boris', null, 'B'], // front-desk administrator of branch B
      ['max', null, 'A'], // manager, responsible for some clients
      ['carol', chatAdmins.body.id, 'A'], // chat administrator of branch A
    ];
    for (const [name, groupId, branch] of staff) {
      const employee = await createEmployee(stack, t, { firstName: name, ...(groupId ? { groupIds: [groupId] } : {}) });
      const put = await http().put(
        `/api/v1/staff/${employee.id}/branches`,
        { mainBranchId: branches[branch], additionalBranchIds: [], allBranches: false },
        t.adminToken,
      );
      expect(put.status).toBe(200);
      people[name] = { id: employee.id, email: employee.email, token: '' };
    }
    // Modes are set once by a chat administrator (the accountant could not set its own).
    const modes: Record<string, string> = {
      accountant: 'my_branches',
      rita: 'my_branches',
      boris: 'my_branches',
      max: 'own_clients',
      carol: 'my_branches',
    };
    for (const [name, mode] of Object.entries(modes)) {
      await eventually(
        async () => expect((await http().put(`/api/v1/inquiries/reception/${people[name]!.id}`, { mode }, t.adminToken)).status).toBe(200),
        {
          timeoutMs: 10_000,
        },
      );
    }
    for (const name of Object.keys(people)) people[name]!.token = (await login(stack, t, people[name]!.email)).body.accessToken;
    clients.a = await contact('Alpha', { branchId: branches.A });
    clients.b = await contact('Beta', { branchId: branches.B });
    clients.m = await contact('Mine', { responsibleEmployeeId: people.max!.id });
    clients.a2 = await contact('Alpha2', { branchId: branches.A });
    clients.q = await contact('Queue', { branchId: branches.B });
    // Every fact routing needs has reached the inquiries service's read models.
    await eventually(
      async () => {
        const decision = await preview(clients.a!);
        expect(verdict(decision, people.rita!.id)).toMatchObject({ reason: null });
        expect(verdict(decision, people.boris!.id)).toMatchObject({ reason: 'branch' });
        expect(verdict(decision, people.accountant!.id)).toMatchObject({ reason: 'no_right' });
        expect(verdict(decision, people.max!.id)).toMatchObject({ reason: 'mode' });
      },
      { timeoutMs: 30_000, intervalMs: 300 },
    );
  }, 120_000);

  afterAll(async () => {
    for (const stream of streams) await stream.close();
    await stack?.stop();
  });

  it('the dry run names the chosen employee and each rejected one with its reason', async () => {
    const decision = await preview(clients.a!);
    expect(decision).toMatchObject({ id: null, trigger: 'preview', outcome: 'assigned', assigneeId: people.rita!.id });
    expect(decision.candidates[0].personId).toBe(people.rita!.id);
    expect(verdict(decision, people.accountant!.id)).toMatchObject({ qualified: false, reason: 'no_right' });
    expect(verdict(decision, people.accountant!.id).detail).toContain('inquiries.assignable');
    expect(verdict(decision, people.boris!.id)).toMatchObject({ reason: 'branch' });
    expect(verdict(decision, people.max!.id)).toMatchObject({ reason: 'mode' });
    expect(verdict(decision, people.carol!.id)).toMatchObject({ reason: 'no_right' });
    expect(verdict(decision, t.adminId)).toMatchObject({ reason: 'mode', detail: expect.stringContaining("'nobody'") });
    const refused = await http().get(`/api/v1/inquiries/routing/preview?contactId=${clients.a}`, people.rita!.token);
    expect(refused.status).toBe(403);
    const bad = await http().get('/api/v1/inquiries/routing/preview?contactId=nope', t.adminToken);
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'contactId' })]);
  });

  it("'anyone' is refused for an employee without all-branch access, with the reason; allowed with it", async () => {
    const refused = await http().put('/api/v1/inquiries/reception/me', { mode: 'anyone' }, people.max!.token);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'RECEPTION.ANYONE_NEEDS_ALL_BRANCHES', errors: [{ field: 'mode' }] });
    expect((await http().get('/api/v1/inquiries/reception/me', people.max!.token)).body.mode).toBe('own_clients');
    const byAdmin = await http().put(`/api/v1/inquiries/reception/${people.rita!.id}`, { mode: 'anyone' }, t.adminToken);
    expect(byAdmin.status).toBe(422);
    // The accountant lacks 'inquiries.own-reception': only a chat administrator sets its mode.
    expect((await http().put('/api/v1/inquiries/reception/me', { mode: 'nobody' }, people.accountant!.token)).status).toBe(403);
    expect((await http().put('/api/v1/inquiries/reception/me', { mode: 'anyone' }, t.adminToken)).status).toBe(200);
    const back = await http().put('/api/v1/inquiries/reception/me', { mode: 'nobody' }, t.adminToken);
    expect([back.status, back.body]).toEqual([200, expect.objectContaining({ mode: 'nobody', setBy: t.adminId })]);
    expect((await http().put('/api/v1/inquiries/reception/me', { mode: 'sometimes' }, people.max!.token)).status).toBe(422);
  });

  it('routes by mode and branch: my_branches gets its branch only, own_clients its own clients only, the accountant nothing', async () => {
    for (const name of ['carol', 'boris', 'rita', 'accountant']) {
      const opened = await SseStream.open(http().baseUrl, people[name]!.token, name === 'boris' ? 'query' : 'header');
      expect(opened.status).toBe(200);
      streams.push(opened.stream);
      (people[name] as any).stream = opened.stream;
    }
    const a = await write(clients.a!, 'Hello from a client of branch A');
    expect(a).toMatchObject({ created: true, status: 'assigned', assigneeId: people.rita!.id, branchId: branches.A });
    const b = await write(clients.b!, 'Hello from a client of branch B');
    expect(b).toMatchObject({ created: true, status: 'assigned', assigneeId: people.boris!.id });
    const m = await write(clients.m!, 'Hello, my manager');
    expect(m).toMatchObject({ created: true, status: 'assigned', assigneeId: people.max!.id });

    const stored = await http().get(`/api/v1/inquiries/${b.id}`, people.boris!.token);
    expect(stored.status).toBe(200);
    expect(stored.body.decisions).toHaveLength(1);
    expect(stored.body.decisions[0]).toMatchObject({ trigger: 'created', outcome: 'assigned', assigneeId: people.boris!.id });
    expect(stored.body.decisions[0].candidates.find((c: any) => c.personId === people.rita!.id)).toMatchObject({ reason: 'branch' });
    expect(stored.body.decisions[0].candidates.find((c: any) => c.personId === people.accountant!.id)).toMatchObject({
      reason: 'no_right',
    });

    // Visibility: client, assignee, chat administrators of the branch; others 404.
    expect((await http().get(`/api/v1/inquiries/${a.id}`, people.carol!.token)).status).toBe(200);
    expect((await http().get(`/api/v1/inquiries/${b.id}`, people.carol!.token)).status).toBe(404);
    expect((await http().get(`/api/v1/inquiries/${a.id}`, people.accountant!.token)).status).toBe(404);
    expect((await http().get(`/api/v1/conversations/${a.id}/messages`, people.boris!.token)).status).toBe(404);
    const carolList = (await http().get('/api/v1/inquiries', people.carol!.token)).body.items.map((item: any) => item.id);
    expect(carolList).toContain(a.id);
    expect(carolList).not.toContain(b.id);
    expect((await http().get('/api/v1/inquiries', people.accountant!.token)).body.items).toEqual([]);

    const assigned = await readEvents<InquiryAssignedV1>(InquiryAssignedV1.type, (event) => [a.id, b.id, m.id].includes(event.subject), {
      atLeast: 3,
    });
    expect(assigned.map((event) => event.data.assigneeId).sort()).toEqual([people.rita!.id, people.boris!.id, people.max!.id].sort());
    expect(assigned.every((event) => event.data.routing.trigger === 'created' && event.data.routing.candidatesConsidered >= 5)).toBe(true);

    // Realtime: Rita and Carol (branch A) get branch A's message, Boris (branch B) does not; the accountant gets nothing.
    const rita = (people.rita as any).stream as SseStream;
    const carol = (people.carol as any).stream as SseStream;
    const boris = (people.boris as any).stream as SseStream;
    const accountant = (people.accountant as any).stream as SseStream;
    await eventually(() => {
      expect(rita.of('inquiries.inquiry.assigned.v1', (e) => e.subject === a.id)).toHaveLength(1);
      expect(rita.of('inquiries.message.posted.v1', (e) => e.data.conversationId === a.id)).toHaveLength(1);
      expect(carol.of('inquiries.message.posted.v1', (e) => e.data.conversationId === a.id)).toHaveLength(1);
      expect(boris.of('inquiries.message.posted.v1', (e) => e.data.conversationId === b.id)).toHaveLength(1);
    });
    const reply = await http().post(`/api/v1/conversations/${b.id}/messages`, { text: 'Boris here, how can I help?' }, people.boris!.token);
    expect(reply.status).toBe(201);
    await eventually(() => expect(boris.of('inquiries.message.posted.v1', (e) => e.data.messageId === reply.body.id)).toHaveLength(1));
    expect(carol.of('inquiries.message.posted.v1', (e) => e.data.conversationId === b.id)).toEqual([]);
    expect(boris.of('inquiries.message.posted.v1', (e) => e.data.conversationId === a.id)).toEqual([]);
    expect(rita.of('inquiries.message.posted.v1', (e) => e.data.conversationId === b.id)).toEqual([]);
    expect(accountant.events.filter((e) => e.event !== 'ready')).toEqual([]);
    expect(rita.of('inquiries.message.posted.v1')[0].data.audience).toBeUndefined();
  });

  it('bad input: a conversation one is not in, empty or oversized text, a foreign assignee, a non-assignable one, another branch without the right', async () => {
    const a = (await http().get('/api/v1/inquiries?status=assigned', people.rita!.token)).body.items.find(
      (item: any) => item.contactId === clients.a,
    );
    expect((await http().post(`/api/v1/conversations/${a.id}/messages`, { text: 'let me in' }, people.boris!.token)).status).toBe(404);
    const empty = await http().post(`/api/v1/conversations/${a.id}/messages`, { text: '   ' }, people.rita!.token);
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'text' })]);
    expect((await http().post(`/api/v1/conversations/${a.id}/messages`, { text: 'x'.repeat(4001) }, people.rita!.token)).status).toBe(422);
    const other = await createTenant(stack, 'inq2');
    const foreign = await http().post(`/api/v1/inquiries/${a.id}/reassign`, { assigneeId: other.adminId }, people.carol!.token);
    expect(foreign.status).toBe(422);
    expect(foreign.body.code).toBe('INQUIRY.ASSIGNEE_UNKNOWN');
    const notAssignable = await http().post(
      `/api/v1/inquiries/${a.id}/reassign`,
      { assigneeId: people.accountant!.id },
      people.carol!.token,
    );
    expect(notAssignable.status).toBe(422);
    expect(notAssignable.body).toMatchObject({ code: 'INQUIRY.ASSIGNEE_NOT_ASSIGNABLE', errors: [{ field: 'assigneeId' }] });
    const otherBranch = await http().post(`/api/v1/inquiries/${a.id}/reassign`, { assigneeId: people.boris!.id }, people.carol!.token);
    expect(otherBranch.status).toBe(403);
    expect(otherBranch.body.code).toBe('INQUIRY.OTHER_BRANCH_FORBIDDEN');
    expect((await http().post(`/api/v1/inquiries/${a.id}/reassign`, { assigneeId: people.max!.id }, people.accountant!.token)).status).toBe(
      404,
    );
    const still = await http().get(`/api/v1/inquiries/${a.id}`, people.rita!.token);
    expect(still.body).toMatchObject({ status: 'assigned', assigneeId: people.rita!.id });
    expect(still.body.decisions).toHaveLength(1);
  });

  it('the responsible employee keeps receiving after its right is revoked, until a chat administrator reassigns', async () => {
    const revoke = await http().put(
      `/api/v1/staff/${people.rita!.id}/rights`,
      { right: 'inquiries.assignable', effect: 'deny' },
      t.adminToken,
    );
    expect(revoke.status).toBe(200);
    await eventually(async () => expect(verdict(await preview(clients.a2!), people.rita!.id)).toMatchObject({ reason: 'no_right' }), {
      timeoutMs: 10_000,
    });
    const sticky = await preview(clients.a!);
    expect(sticky).toMatchObject({ outcome: 'sticky', assigneeId: people.rita!.id });

    const again = await write(clients.a!, 'Me again');
    expect(again).toMatchObject({ created: false, status: 'assigned', assigneeId: people.rita!.id });
    const messages = await http().get(`/api/v1/conversations/${again.id}/messages`, people.rita!.token);
    expect(messages.body.items.map((message: any) => message.text)).toEqual(['Me again', 'Hello from a client of branch A']);
    const rita = (people.rita as any).stream as SseStream;
    await eventually(() => expect(rita.of('inquiries.message.posted.v1', (e) => e.data.messageId === again.messageId)).toHaveLength(1));

    const moved = await http().post(`/api/v1/inquiries/${again.id}/reassign`, { assigneeId: people.max!.id }, people.carol!.token);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'assigned', assigneeId: people.max!.id });
    expect((await http().get(`/api/v1/inquiries/${again.id}`, people.rita!.token)).status).toBe(404);
    expect((await http().get(`/api/v1/inquiries/${again.id}`, people.max!.token)).status).toBe(200);
    const events = await readEvents<InquiryReassignedV1>(InquiryReassignedV1.type, (event) => event.subject === again.id);
    expect(events[0]!.data).toMatchObject({ fromAssigneeId: people.rita!.id, toAssigneeId: people.max!.id, byPersonId: people.carol!.id });
    await eventually(() => expect(rita.of('inquiries.inquiry.reassigned.v1', (e) => e.subject === again.id)).toHaveLength(1));

    const later = await write(clients.a!, 'Anyone there?');
    expect(later).toMatchObject({ created: false, assigneeId: people.max!.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rita.of('inquiries.message.posted.v1', (e) => e.data.messageId === later.messageId)).toEqual([]);
  });

  it('nobody online: the inquiry waits in the queue seen by chat administrators, and is assigned when a qualifying employee comes online', async () => {
    const boris = (people.boris as any).stream as SseStream;
    await boris.close();
    expect((await http().post('/api/v1/auth/logout', {}, people.boris!.token)).status).toBe(200);
    await eventually(async () => expect(verdict(await preview(clients.q!), people.boris!.id)).toMatchObject({ reason: 'offline' }), {
      timeoutMs: 10_000,
    });

    const waiting = await write(clients.q!, 'Is anybody in branch B?');
    expect(waiting).toMatchObject({ created: true, status: 'waiting', assigneeId: null });
    const queue = await http().get('/api/v1/inquiries?status=waiting', t.adminToken);
    expect(queue.body.items.map((item: any) => item.id)).toContain(waiting.id);
    const details = await http().get(`/api/v1/inquiries/${waiting.id}`, t.adminToken);
    expect(details.body.decisions[0]).toMatchObject({ trigger: 'created', outcome: 'queued', assigneeId: null });
    expect(details.body.decisions[0].candidates.find((c: any) => c.personId === people.boris!.id)).toMatchObject({ reason: 'offline' });

    people.boris!.token = (await login(stack, t, people.boris!.email)).body.accessToken;
    await eventually(
      async () =>
        expect((await http().get(`/api/v1/inquiries/${waiting.id}`, people.boris!.token)).body).toMatchObject({
          status: 'assigned',
          assigneeId: people.boris!.id,
        }),
      { timeoutMs: 10_000 },
    );
    const after = await http().get(`/api/v1/inquiries/${waiting.id}`, t.adminToken);
    expect(after.body.decisions.map((d: any) => [d.trigger, d.outcome])).toEqual([
      ['created', 'queued'],
      ['queue', 'assigned'],
    ]);
    const events = await readEvents<InquiryAssignedV1>(InquiryAssignedV1.type, (event) => event.subject === waiting.id);
    expect(events[0]!.data).toMatchObject({ assigneeId: people.boris!.id, routing: { trigger: 'queue', outcome: 'assigned' } });
  });

  it('realtime refuses a missing or bad token, and accepts ?access_token=', async () => {
    const missing = await fetch(`${http().baseUrl}/api/v1/realtime`);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as any).code).toBe('AUTH.TOKEN_MISSING');
    const bad = await SseStream.open(http().baseUrl, 'not-a-token', 'query');
    expect(bad.status).toBe(401);
  });

  it('internal chats between employees, read marks and a switched-off kind', async () => {
    const chat = await http().post(
      '/api/v1/conversations',
      { kind: 'internal', title: 'Front desk', employeeIds: [people.boris!.id] },
      people.rita!.token,
    );
    expect(chat.status).toBe(201);
    const posted = await http().post(`/api/v1/conversations/${chat.body.id}/messages`, { text: 'Coffee?' }, people.rita!.token);
    expect(posted.status).toBe(201);
    const borisList = await http().get('/api/v1/conversations?kind=internal', people.boris!.token);
    expect(borisList.body.items).toEqual([expect.objectContaining({ id: chat.body.id, unreadCount: 1 })]);
    const read = await http().post(`/api/v1/conversations/${chat.body.id}/read`, { messageId: posted.body.id }, people.boris!.token);
    expect(read.body).toMatchObject({ unreadCount: 0, lastReadMessageId: posted.body.id });
    expect((await http().get(`/api/v1/conversations/${chat.body.id}`, t.adminToken)).status).toBe(404);

    const off = await http().put('/api/v1/inquiries/settings', { clientEmployeeChats: false }, t.adminToken);
    expect(off.body).toMatchObject({ clientEmployeeChats: false, inquiries: true });
    const refused = await http().post(
      '/api/v1/conversations',
      { kind: 'client_employee', employeeIds: [], contactIds: [clients.b] },
      people.boris!.token,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('CONVERSATION.KIND_DISABLED');
    await http().put('/api/v1/inquiries/settings', { inquiries: false }, t.adminToken);
    const closedDoor = await http().post('/api/v1/inquiries', { contactId: clients.b, text: 'hello?' }, t.adminToken);
    expect(closedDoor.status).toBe(403);
    expect(closedDoor.body.code).toBe('INQUIRY.DISABLED');
    await http().put('/api/v1/inquiries/settings', { inquiries: true, clientEmployeeChats: true }, t.adminToken);
  });
});
