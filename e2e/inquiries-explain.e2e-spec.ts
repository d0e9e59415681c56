import { eventually } from '@warden/testing';
import { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

/**
 * Chat refusals are explained by /permissions/explain with the steps of the permissions service's
 * `inquiry` and `conversation` rules, and the explanation agrees with what the same person gets
 * when it tries.
 */
describe('inquiries: explain says why a chat administrator may or may not act, and agrees with the attempt', () => {
  let stack: Stack;
  let t: TenantFixture;
  const branches: Record<string, string> = {};
  const people: Record<string, { id: string; token: string }> = {};
  const inquiries: Record<string, string> = {};
  const http = () => stack.http;

  const explain = async (personId: string, action: string, resource: Record<string, unknown>) => {
    const query = new URLSearchParams({ personId, action, resource: JSON.stringify(resource) });
    const response = await http().get(`/api/v1/permissions/explain?${query}`, t.adminToken);
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    stack = await Stack.start();
    t = await createTenant(stack, 'inqx');
    for (const name of ['A', 'B'])
      branches[name] = (await http().post('/api/v1/branches', { name: `Branch ${name}`, timeZone: 'UTC' }, t.adminToken)).body.id;
    const chatAdmins = await http().post(
      '/api/v1/groups',
      { name: 'Chat admins', rights: ['auth.login', 'chats.internal', 'inquiries.admin'] },
      t.adminToken,
    );
    expect(chatAdmins.status).toBe(201);
    const staff: Array<[string, string | null, string]> = [
      ['carol', chatAdmins.body.id, 'A'], // chat administrator of branch A
      ['boris', null, 'B'], // employee of branch B, can be assigned inquiries
    ];
    for (const [name, groupId, branch] of staff) {
      const employee = await createEmployee(stack, t, { firstName: name, ...(groupId ? { groupIds: [groupId] } : {}) });
      const put = await http().put(
        `/api/v1/staff/${employee.id}/branches`,
        { mainBranchId: branches[branch], additionalBranchIds: [], allBranches: false },
        t.adminToken,
      );
      expect(put.status).toBe(200);
      people[name] = { id: employee.id, token: (await login(stack, t, employee.email)).body.accessToken };
    }
    // Nobody takes inquiries (every mode is 'nobody'): both wait in the queue of their client's branch.
    for (const name of ['A', 'B']) {
      const contact = await http().post(
        '/api/v1/contacts',
        { lastName: `Client${name}`, firstName: 'Client', email: `client-${name.toLowerCase()}@inqx.test`, branchId: branches[name] },
        t.adminToken,
      );
      expect(contact.status).toBe(201);
      const written = await http().post(
        '/api/v1/inquiries',
        { contactId: contact.body.id, text: `Hello from branch ${name}` },
        t.adminToken,
      );
      expect(written.status).toBe(201);
      expect(written.body).toMatchObject({ branchId: branches[name], status: 'waiting' });
      inquiries[name] = written.body.id;
    }
    // Carol's branch and Boris's right have reached the inquiries service's read models.
    await eventually(async () => expect((await http().get(`/api/v1/inquiries/${inquiries.A}`, people.carol!.token)).status).toBe(200), {
      timeoutMs: 15_000,
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a chat administrator of branch A to close an inquiry of branch B, saying why; the attempt is refused the same way', async () => {
    const explained = await explain(people.carol!.id, 'inquiry.close', { type: 'inquiry', inquiryId: inquiries.B });
    expect(explained).toMatchObject({ allowed: false, code: 'INQUIRY.NOT_VISIBLE' });
    expect(explained.steps.map((step: any) => `${step.rule}:${step.effect}`)).toEqual([
      'person.active:none',
      'group.login-barred:none',
      'override.personal:none',
      'group.rights:allow',
      'chat.person:none',
      'inquiry.visible:deny',
    ]);
    expect(explained.steps.find((step: any) => step.rule === 'chat.person').detail).toContain(
      `branches ${branches.A}; chat administrator: yes`,
    );
    expect(explained.steps.at(-1).detail).toContain(`its branch ${branches.B} is not one of them (the person's branches: ${branches.A})`);

    // An inquiry the person does not see is answered as if it did not exist, as it always was.
    const attempt = await http().post(`/api/v1/inquiries/${inquiries.B}/close`, {}, people.carol!.token);
    expect(attempt.status).toBe(404);
    expect(attempt.body.code).toBe('INQUIRY.NOT_FOUND');
    expect((await http().get(`/api/v1/inquiries/${inquiries.B}`, t.adminToken)).body.status).toBe('waiting');

    const conversation = await explain(people.carol!.id, 'conversation.post', { type: 'conversation', conversationId: inquiries.B });
    expect(conversation).toMatchObject({ allowed: false, code: 'CONVERSATION.NOT_VISIBLE' });
    expect((await http().post(`/api/v1/conversations/${inquiries.B}/messages`, { text: 'Hi' }, people.carol!.token)).status).toBe(404);
  });

  it('refuses reassigning to an employee of another branch without inquiries.assign-other-branches: explain and the attempt give the same code', async () => {
    const explained = await explain(people.carol!.id, 'inquiry.assign-branch', {
      type: 'inquiry',
      inquiryId: inquiries.A,
      assigneeId: people.boris!.id,
    });
    expect(explained).toMatchObject({ allowed: false, code: 'INQUIRY.OTHER_BRANCH_FORBIDDEN' });
    expect(explained.steps.slice(-3).map((step: any) => `${step.rule}:${step.effect}`)).toEqual([
      'inquiry.visible:allow',
      'inquiry.manage:allow',
      'inquiry.assignee-branch:deny',
    ]);
    await eventually(
      async () => {
        const attempt = await http().post(
          `/api/v1/inquiries/${inquiries.A}/reassign`,
          { assigneeId: people.boris!.id },
          people.carol!.token,
        );
        expect([attempt.status, attempt.body.code]).toEqual([403, explained.code]);
        expect(attempt.body.detail).toBe(explained.reason);
      },
      { timeoutMs: 10_000 },
    );
  });

  it('allows the chat administrator of branch A to close an inquiry of branch A, and it does', async () => {
    const explained = await explain(people.carol!.id, 'inquiry.close', { type: 'inquiry', inquiryId: inquiries.A });
    expect(explained).toMatchObject({ allowed: true, code: 'ALLOWED.CHAT_ADMIN' });
    expect(explained.steps.slice(-2)).toEqual([
      { rule: 'inquiry.visible', effect: 'allow', detail: expect.stringContaining('chat administrator') },
      { rule: 'inquiry.manage', effect: 'allow', detail: expect.stringContaining('may close and reassign it') },
    ]);
    const closed = await http().post(`/api/v1/inquiries/${inquiries.A}/close`, {}, people.carol!.token);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ id: inquiries.A, status: 'closed' });
  });

  it('a resource that names nothing, or an action the rule does not know, is explained as refused', async () => {
    expect(await explain(people.carol!.id, 'inquiry.close', { type: 'inquiry' })).toMatchObject({
      allowed: false,
      code: 'INQUIRY.NOT_FOUND',
    });
    expect(await explain(people.carol!.id, 'conversation.see', { type: 'conversation', conversationId: people.boris!.id })).toMatchObject({
      allowed: false,
      code: 'CONVERSATION.NOT_FOUND',
    });
    expect(await explain(people.carol!.id, 'inquiry.see', { type: 'conversation', conversationId: inquiries.A })).toMatchObject({
      allowed: false,
      code: 'ACTION.UNKNOWN',
    });
  });
});
