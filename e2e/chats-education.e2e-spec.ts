import { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';
import { createPortalContact } from './contact.fixtures';
import type { PortalContactFixture } from './contact.fixtures';

/**
 * Chats as a school has them: teachers chat with each other with nothing to set up; students chat
 * with their classmates when the school switches "correspondence with classmates" on. A class is a company of
 * the directory: its students are that company's contacts, so a student's classmates are the other contacts
 * of its own company (the same "own company" a client sees its tickets and equipment by).
 */
describe('chats in a school: internal chats need no setting, students chat with classmates', () => {
  let stack: Stack;
  let t: TenantFixture;
  const http = () => stack.http;
  let teacher: { id: string; token: string };
  let colleague: { id: string; token: string };
  let anna: PortalContactFixture; // class 5B
  let boris: PortalContactFixture; // class 5B
  let vera: PortalContactFixture; // class 7A
  let loner: PortalContactFixture; // a student of no class
  let employeesGroup: any;

  const signedInEmployee = async (firstName: string) => {
    const employee = await createEmployee(stack, t, { firstName });
    return { id: employee.id, token: (await login(stack, t, employee.email)).body.accessToken as string };
  };
  const settings = async (body: Record<string, boolean>) => {
    const response = await http().put('/api/v1/inquiries/settings', body, t.adminToken);
    expect(response.status).toBe(200);
  };
  const startGroupChat = (student: PortalContactFixture, contactIds: string[], extra: Record<string, unknown> = {}) =>
    http().post('/api/v1/conversations', { kind: 'client_group', title: 'Homework', contactIds, ...extra }, student.token);

  beforeAll(async () => {
    stack = await Stack.start();
    t = await createTenant(stack, 'school');
    const fiveB = await http().post('/api/v1/companies', { name: 'Class 5B' }, t.adminToken);
    const sevenA = await http().post('/api/v1/companies', { name: 'Class 7A' }, t.adminToken);
    expect([fiveB.status, sevenA.status]).toEqual([201, 201]);
    anna = await createPortalContact(stack, t, { lastName: 'Anna', companyId: fiveB.body.id });
    boris = await createPortalContact(stack, t, { lastName: 'Boris', companyId: fiveB.body.id });
    vera = await createPortalContact(stack, t, { lastName: 'Vera', companyId: sevenA.body.id });
    loner = await createPortalContact(stack, t, { lastName: 'Loner' });
    teacher = await signedInEmployee('Teacher');
    colleague = await signedInEmployee('Colleague');
    employeesGroup = (await http().get('/api/v1/groups', t.adminToken)).body.find((group: any) => group.systemKey === 'employee');
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  describe('internal chats', () => {
    it('a new employee starts one and writes in it with nothing set up', async () => {
      const chat = await http().post(
        '/api/v1/conversations',
        { kind: 'internal', title: 'Staff room', employeeIds: [colleague.id] },
        teacher.token,
      );
      expect(chat.status).toBe(201);
      expect(chat.body.participants).toEqual(
        expect.arrayContaining([
          { id: teacher.id, kind: 'employee' },
          { id: colleague.id, kind: 'employee' },
        ]),
      );
      expect((await http().post(`/api/v1/conversations/${chat.body.id}/messages`, { text: 'Tea?' }, colleague.token)).status).toBe(201);
    });

    it('an administrator takes the right away from a group, or from one person, and gets it back to them', async () => {
      const without = employeesGroup.rights.filter((right: string) => right !== 'chats.internal');
      expect((await http().patch(`/api/v1/groups/${employeesGroup.id}`, { rights: without }, t.adminToken)).status).toBe(200);
      const refused = await http().post('/api/v1/conversations', { kind: 'internal', employeeIds: [colleague.id] }, teacher.token);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'RIGHT.NOT_GRANTED', action: 'conversation.start' });
      expect(refused.body.detail).toContain("'chats.internal'");
      expect((await http().patch(`/api/v1/groups/${employeesGroup.id}`, { rights: employeesGroup.rights }, t.adminToken)).status).toBe(200);

      expect(
        (await http().put(`/api/v1/staff/${teacher.id}/rights`, { right: 'chats.internal', effect: 'deny' }, t.adminToken)).status,
      ).toBe(200);
      const denied = await http().post('/api/v1/conversations', { kind: 'internal', employeeIds: [colleague.id] }, teacher.token);
      expect(denied.status).toBe(403);
      expect(denied.body.code).toBe('RIGHT.DENIED_PERSONALLY');
      expect((await http().put(`/api/v1/staff/${teacher.id}/rights`, { right: 'chats.internal', effect: null }, t.adminToken)).status).toBe(
        200,
      );
      expect((await http().post('/api/v1/conversations', { kind: 'internal', employeeIds: [colleague.id] }, teacher.token)).status).toBe(
        201,
      );
    });

    it('a student may not start an internal chat, nor a chat with a teacher, even holding the right', async () => {
      const internal = await http().post('/api/v1/conversations', { kind: 'internal', employeeIds: [teacher.id] }, anna.token);
      expect(internal.status).toBe(403);
      expect(internal.body.code).toBe('CONVERSATION.START_FORBIDDEN');
      const withTeacher = await http().post(
        '/api/v1/conversations',
        { kind: 'client_employee', employeeIds: [teacher.id], contactIds: [anna.id] },
        anna.token,
      );
      expect(withTeacher.status).toBe(403);
      expect(withTeacher.body.code).toBe('CONVERSATION.START_FORBIDDEN');
    });
  });

  describe('which chat kinds are switched on', () => {
    it('every signed-in person reads them; the settings stay the chat administrators’', async () => {
      await settings({ clientGroupChats: false });
      for (const token of [anna.token, teacher.token, t.adminToken]) {
        const kinds = await http().get('/api/v1/conversations/kinds', token);
        expect(kinds.status).toBe(200);
        expect(kinds.body).toEqual({ internalChats: true, clientEmployeeChats: true, clientGroupChats: false, inquiries: true });
      }
      await settings({ clientGroupChats: true });
      expect((await http().get('/api/v1/conversations/kinds', anna.token)).body).toMatchObject({ clientGroupChats: true });
      expect((await http().get('/api/v1/inquiries/settings', anna.token)).status).toBe(403);
      expect((await http().get('/api/v1/inquiries/settings', teacher.token)).status).toBe(403);
      expect((await http().get('/api/v1/inquiries/settings', t.adminToken)).status).toBe(200);
      expect((await http().get('/api/v1/conversations/kinds')).status).toBe(401);
    });
  });

  describe('group chats of classmates', () => {
    it('are refused while the school has them switched off', async () => {
      await settings({ clientGroupChats: false });
      const refused = await startGroupChat(anna, [boris.id]);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('CONVERSATION.KIND_DISABLED');
      await settings({ clientGroupChats: true });
    });

    it('a student starts one with a classmate; both write in it, and the other class does not see it', async () => {
      await settings({ clientGroupChats: true });
      const chat = await startGroupChat(anna, [boris.id]);
      expect(chat.status).toBe(201);
      expect(chat.body).toMatchObject({ kind: 'client_group', title: 'Homework', createdBy: anna.id });
      expect(chat.body.participants).toHaveLength(2);
      expect(chat.body.participants).toEqual(
        expect.arrayContaining([
          { id: anna.id, kind: 'contact' },
          { id: boris.id, kind: 'contact' },
        ]),
      );
      const first = await http().post(`/api/v1/conversations/${chat.body.id}/messages`, { text: 'Did you do exercise 3?' }, anna.token);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ authorId: anna.id, authorKind: 'contact' });
      const borisList = await http().get('/api/v1/conversations?kind=client_group', boris.token);
      expect(borisList.body.items).toEqual([expect.objectContaining({ id: chat.body.id, unreadCount: 1 })]);
      const reply = await http().post(`/api/v1/conversations/${chat.body.id}/messages`, { text: 'Yes, the answer is 42' }, boris.token);
      expect(reply.status).toBe(201);
      const messages = await http().get(`/api/v1/conversations/${chat.body.id}/messages`, anna.token);
      expect(messages.body.items.map((message: any) => message.text)).toEqual(['Yes, the answer is 42', 'Did you do exercise 3?']);
      expect((await http().get(`/api/v1/conversations/${chat.body.id}`, vera.token)).status).toBe(404);
      expect((await http().post(`/api/v1/conversations/${chat.body.id}/messages`, { text: 'hi' }, vera.token)).status).toBe(404);

      // Switched off later: the chat stays readable, nobody writes in it.
      await settings({ clientGroupChats: false });
      const silenced = await http().post(`/api/v1/conversations/${chat.body.id}/messages`, { text: 'still there?' }, boris.token);
      expect(silenced.status).toBe(403);
      expect(silenced.body.code).toBe('CONVERSATION.KIND_DISABLED');
      expect((await http().get(`/api/v1/conversations/${chat.body.id}/messages`, boris.token)).status).toBe(200);
      await settings({ clientGroupChats: true });
    });

    it('never with people outside the class: another class, a teacher, a student of no class, an unknown contact', async () => {
      await settings({ clientGroupChats: true });
      const otherClass = await startGroupChat(anna, [boris.id, vera.id]);
      expect(otherClass.status).toBe(403);
      expect(otherClass.body.code).toBe('CONVERSATION.NOT_CLASSMATE');
      expect(otherClass.body.detail).toContain(vera.id);
      const withTeacher = await startGroupChat(anna, [boris.id], { employeeIds: [teacher.id] });
      expect(withTeacher.status).toBe(403);
      expect(withTeacher.body.code).toBe('CONVERSATION.NOT_CLASSMATE');
      const noClass = await startGroupChat(loner, [anna.id]);
      expect(noClass.status).toBe(403);
      expect(noClass.body.code).toBe('CONVERSATION.NOT_CLASSMATE');
      const unknown = await startGroupChat(anna, ['01900000-0000-7000-8000-000000000000']);
      expect(unknown.status).toBe(403);
      expect(unknown.body.code).toBe('CONVERSATION.NOT_CLASSMATE');
    });

    it('needs a classmate besides oneself, and well-formed ids', async () => {
      const alone = await startGroupChat(anna, []);
      expect(alone.status).toBe(422);
      expect(alone.body.errors).toEqual([expect.objectContaining({ field: 'contactIds' })]);
      const onlyMe = await startGroupChat(anna, [anna.id]);
      expect(onlyMe.status).toBe(422);
      expect(onlyMe.body.errors).toEqual([expect.objectContaining({ field: 'contactIds' })]);
      const bad = await startGroupChat(anna, ['not-a-uuid']);
      expect(bad.status).toBe(422);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: expect.stringContaining('contactIds') })]);
    });

    it('a student whose group was granted chats.internal still starts a group chat as itself, not as an unknown employee', async () => {
      const clients = (await http().get('/api/v1/groups', t.adminToken)).body.find((group: any) => group.systemKey === 'client');
      expect(
        (await http().patch(`/api/v1/groups/${clients.id}`, { rights: [...clients.rights, 'chats.internal'] }, t.adminToken)).status,
      ).toBe(200);
      const chat = await startGroupChat(boris, [anna.id]);
      expect(chat.status).toBe(201);
      expect(chat.body.participants).toHaveLength(2);
      expect(chat.body.participants).toEqual(
        expect.arrayContaining([
          { id: boris.id, kind: 'contact' },
          { id: anna.id, kind: 'contact' },
        ]),
      );
      expect((await http().patch(`/api/v1/groups/${clients.id}`, { rights: clients.rights }, t.adminToken)).status).toBe(200);
    });

    it('an employee still starts a client group chat with students of any class', async () => {
      const chat = await http().post(
        '/api/v1/conversations',
        { kind: 'client_group', employeeIds: [], contactIds: [anna.id, vera.id] },
        teacher.token,
      );
      expect(chat.status).toBe(201);
      expect((await http().get(`/api/v1/conversations/${chat.body.id}`, vera.token)).status).toBe(200);
    });

    it('explain says why a student may not start a chat with another class', async () => {
      const resource = JSON.stringify({ type: 'conversation', kind: 'client_group', contactIds: vera.id });
      const query = new URLSearchParams({ personId: anna.id, action: 'conversation.start', resource });
      const explained = await http().get(`/api/v1/permissions/explain?${query}`, t.adminToken);
      expect(explained.status).toBe(200);
      expect(explained.body).toMatchObject({ allowed: false, code: 'CONVERSATION.NOT_CLASSMATE' });
      const classmate = new URLSearchParams({
        personId: anna.id,
        action: 'conversation.start',
        resource: JSON.stringify({ type: 'conversation', kind: 'client_group', contactIds: boris.id }),
      });
      expect((await http().get(`/api/v1/permissions/explain?${classmate}`, t.adminToken)).body).toMatchObject({ allowed: true });
    });
  });
});
