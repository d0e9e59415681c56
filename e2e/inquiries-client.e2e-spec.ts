import { Stack } from './support/stack';
import { createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';
import { createPortalContact } from './contact.fixtures';
import type { PortalContactFixture } from './contact.fixtures';

/** The client's side of inquiries: a signed-in contact writes to the organisation as itself and sees only its own. */
describe('inquiries: a signed-in client writes as itself', () => {
  let stack: Stack;
  let t: TenantFixture;
  let alice: PortalContactFixture;
  let bob: PortalContactFixture;
  let inquiryId: string;
  const http = () => stack.http;

  beforeAll(async () => {
    stack = await Stack.start();
    t = await createTenant(stack, 'inqc');
    alice = await createPortalContact(stack, t, { lastName: 'Alice' });
    bob = await createPortalContact(stack, t, { lastName: 'Bob' });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('opens an inquiry without contactId, and joins it with the next message', async () => {
    const first = await http().post('/api/v1/inquiries', { text: 'Is my phone ready?' }, alice.token);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ contactId: alice.id, created: true, status: 'waiting' });
    inquiryId = first.body.id;
    const second = await http().post('/api/v1/inquiries', { text: 'Hello?' }, alice.token);
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: inquiryId, contactId: alice.id, created: false });
  });

  it("writes as itself even when naming another client's contactId", async () => {
    const response = await http().post('/api/v1/inquiries', { contactId: bob.id, text: 'Pretending to be Bob' }, alice.token);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ id: inquiryId, contactId: alice.id });
    const bobs = await http().get('/api/v1/inquiries', bob.token);
    expect(bobs.status).toBe(200);
    expect(bobs.body.items).toEqual([]);
  });

  it('sees its own inquiry and its messages, without the routing internals', async () => {
    const list = await http().get('/api/v1/inquiries', alice.token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: any) => item.id)).toEqual([inquiryId]);
    const details = await http().get(`/api/v1/inquiries/${inquiryId}`, alice.token);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({ id: inquiryId, contactId: alice.id, decisions: [] });
    const messages = await http().get(`/api/v1/conversations/${inquiryId}/messages`, alice.token);
    expect(messages.status).toBe(200);
    expect(messages.body.items.map((message: any) => message.text).sort()).toEqual([
      'Hello?',
      'Is my phone ready?',
      'Pretending to be Bob',
    ]);
    expect(messages.body.items.every((message: any) => message.authorId === alice.id && message.authorKind === 'contact')).toBe(true);
  });

  it('another client gets 404 for it, its messages, and cannot write into it', async () => {
    expect((await http().get(`/api/v1/inquiries/${inquiryId}`, bob.token)).status).toBe(404);
    const messages = await http().get(`/api/v1/conversations/${inquiryId}/messages`, bob.token);
    expect(messages.status).toBe(404);
    const post = await http().post(`/api/v1/conversations/${inquiryId}/messages`, { text: 'sneaking in' }, bob.token);
    expect(post.status).toBe(404);
    expect((await http().get(`/api/v1/conversations/${inquiryId}`, bob.token)).status).toBe(404);
  });

  it('a client may not see the queue or the dry run of others, nor reassign or close', async () => {
    expect((await http().get(`/api/v1/inquiries/routing/preview?contactId=${alice.id}`, alice.token)).status).toBe(403);
    expect((await http().post(`/api/v1/inquiries/${inquiryId}/close`, {}, alice.token)).status).toBe(403);
    // The organisation sees it waiting in the queue.
    const queue = await http().get('/api/v1/inquiries?status=waiting', t.adminToken);
    expect(queue.body.items.map((item: any) => item.id)).toContain(inquiryId);
  });

  it('messages sent at the same moment open one inquiry, and every message lands in it', async () => {
    const carol = await createPortalContact(stack, t, { lastName: 'Carol' });
    const texts = ['one', 'two', 'three', 'four', 'five'];
    const answers = await Promise.all(texts.map((text) => http().post('/api/v1/inquiries', { text }, carol.token)));
    expect(answers.map((answer) => answer.status)).toEqual(texts.map(() => 201));
    expect(answers.filter((answer) => answer.body.created)).toHaveLength(1);
    const ids = new Set(answers.map((answer) => answer.body.id));
    expect(ids.size).toBe(1);
    const messages = await http().get(`/api/v1/conversations/${[...ids][0]}/messages`, carol.token);
    expect(messages.body.items.map((message: any) => message.text).sort()).toEqual([...texts].sort());
  });

  it('an empty message is refused with the field and the reason', async () => {
    const response = await http().post('/api/v1/inquiries', { text: '' }, alice.token);
    expect(response.status).toBe(422);
  });
});
