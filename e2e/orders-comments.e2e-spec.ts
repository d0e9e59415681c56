import { InboundReceivedV1, OrderCommentAddedV1 } from '@warden/contracts';
import { eventually, readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createPortalContact } from './contact.fixtures';
import type { PortalContactFixture } from './contact.fixtures';
import { createOrder, createOrdersTenant, moveOrder, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

/** Inbound messages reach the workflow service by event; a busy machine may take a while. */
const SLOW = { timeoutMs: 20_000 };
jest.setTimeout(90_000);

/**
 * A helpdesk's tickets have a conversation. The first line's support agent comments on a client's
 * ticket: internal notes for colleagues, public replies the client reads in the portal and answers
 * there (and so does its company's client manager). A client who answers by email or messenger
 * joins the ticket it answers; only a new thread opens a new ticket.
 */
describe('ticket conversations: internal notes, public replies, inbound replies', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let other: OrdersTenant;
  let agent: Person;
  let accountant: Person;
  let ann: PortalContactFixture;
  let mandy: PortalContactFixture;
  let gus: PortalContactFixture;
  let firstLine: any;
  let accounting: any;
  let ticket: any;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'ocm');
    other = await createOrdersTenant(stack, 'ocn');
    agent = await signedInEmployee(stack, tenant, { firstName: 'Ivan', position: 'First line support agent' });
    accountant = await signedInEmployee(stack, tenant, { firstName: 'Anna', position: 'Accountant' });
    firstLine = await post('/api/v1/departments', { name: 'First line', memberIds: [agent.id] });
    accounting = await post('/api/v1/departments', { name: 'Accounting', memberIds: [accountant.id] });
    const acme = await post('/api/v1/companies', { name: 'Acme' });
    const globex = await post('/api/v1/companies', { name: 'Globex' });
    ann = await createPortalContact(stack, tenant, { companyId: acme.id, firstName: 'Ann' });
    mandy = await createPortalContact(stack, tenant, { companyId: acme.id, firstName: 'Mandy' });
    gus = await createPortalContact(stack, tenant, { companyId: globex.id, firstName: 'Gus' });
    const managers = await stack.http.put(`/api/v1/companies/${acme.id}/client-managers`, { personIds: [mandy.id] }, tenant.adminToken);
    expect(managers.status).toBe(200);
    ticket = await createOrder(stack, tenant.adminToken, {
      title: 'Printer on the second floor jams',
      departmentId: firstLine.id,
      clientContactId: ann.id,
    });
    // Department membership and the client manager reach the permissions service by event.
    await eventually(async () => expect((await stack.http.get(`/api/v1/orders/${ticket.id}`, agent.token)).status).toBe(200), SLOW);
    await eventually(async () => expect((await stack.http.get(`/api/v1/orders/${ticket.id}`, mandy.token)).status).toBe(200), SLOW);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  function post(path: string, body: Record<string, unknown>, expected = 201, token = tenant.adminToken): Promise<any> {
    return stack.http.postExpecting(path, body, token, expected);
  }

  async function comments(orderId: string, token: string, query = ''): Promise<any[]> {
    const response = await stack.http.get(`/api/v1/orders/${orderId}/comments?limit=100${query}`, token);
    expect(response.status).toBe(200);
    return response.body.items;
  }

  async function ticketTitled(title: string, token = tenant.adminToken): Promise<any> {
    return eventually(async () => {
      const page = await stack.http.get(`/api/v1/orders?search=${encodeURIComponent(title)}`, token);
      expect(page.body.items).toHaveLength(1);
      return page.body.items[0];
    }, SLOW);
  }

  it('the agent leaves an internal note on the ticket; colleagues read it, the client and its client manager do not', async () => {
    const note = await post(
      `/api/v1/orders/${ticket.id}/comments`,
      { body: '  Probably the fuser; ask the field engineer.  ', visibility: 'internal' },
      201,
      agent.token,
    );
    expect(note).toEqual({
      id: expect.any(String),
      orderId: ticket.id,
      body: 'Probably the fuser; ask the field engineer.',
      visibility: 'internal',
      authorId: agent.id,
      authorKind: 'employee',
      inboundMessageId: null,
      automationRuleId: null,
      createdAt: expect.any(String),
    });
    expect(await comments(ticket.id, agent.token)).toEqual([note]);
    expect(await comments(ticket.id, tenant.adminToken)).toEqual([note]);
    expect(await comments(ticket.id, ann.token)).toEqual([]);
    expect(await comments(ticket.id, mandy.token)).toEqual([]);

    const [event] = await readEvents(OrderCommentAddedV1.type, (candidate) => candidate.data.commentId === note.id);
    expect(event).toMatchObject({
      tenantid: tenant.tenantId,
      subject: ticket.id,
      data: {
        orderId: ticket.id,
        number: ticket.number,
        visibility: 'internal',
        authorId: agent.id,
        authorKind: 'employee',
        body: note.body,
        inboundMessageId: null,
      },
    });
  });

  it('the agent replies publicly; the client reads the reply in the portal and answers; the conversation reads oldest first, page by page', async () => {
    const reply = await post(
      `/api/v1/orders/${ticket.id}/comments`,
      { body: 'We will send an engineer tomorrow morning.', visibility: 'public' },
      201,
      agent.token,
    );
    expect((await comments(ticket.id, ann.token)).map((comment) => comment.id)).toEqual([reply.id]);

    const answer = await post(
      `/api/v1/orders/${ticket.id}/comments`,
      { body: 'Thank you, someone will be at the reception.', visibility: 'public' },
      201,
      ann.token,
    );
    expect(answer).toMatchObject({ visibility: 'public', authorId: ann.id, authorKind: 'contact', inboundMessageId: null });
    // Her company's client manager follows the conversation too, without the internal note.
    expect((await comments(ticket.id, mandy.token)).map((comment) => comment.body)).toEqual([reply.body, answer.body]);
    const all = await comments(ticket.id, agent.token);
    expect(all.map((comment) => [comment.visibility, comment.authorKind])).toEqual([
      ['internal', 'employee'],
      ['public', 'employee'],
      ['public', 'contact'],
    ]);

    const first = await stack.http.get(`/api/v1/orders/${ticket.id}/comments?limit=2`, agent.token);
    expect(first.status).toBe(200);
    expect(first.body.items.map((comment: any) => comment.id)).toEqual(all.slice(0, 2).map((comment) => comment.id));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await stack.http.get(`/api/v1/orders/${ticket.id}/comments?limit=2&cursor=${first.body.nextCursor}`, agent.token);
    expect(second.body).toEqual({ items: [all[2]], nextCursor: null });

    const events = await readEvents(OrderCommentAddedV1.type, (candidate) => candidate.data.commentId === answer.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ visibility: 'public', authorId: ann.id, authorKind: 'contact' });
  });

  it('refuses what the ticket does not allow: 404 where the ticket is not visible, 403 for a client note, 422 naming the field', async () => {
    const before = (await comments(ticket.id, agent.token)).length;
    // Another department's accountant and another company's client do not see the ticket, so its conversation does not exist for them.
    for (const token of [accountant.token, gus.token]) {
      const read = await stack.http.get(`/api/v1/orders/${ticket.id}/comments`, token);
      expect([read.status, read.body.code]).toEqual([404, 'ORDER.NOT_FOUND']);
      const write = await stack.http.post(`/api/v1/orders/${ticket.id}/comments`, { body: 'Hello?', visibility: 'public' }, token);
      expect([write.status, write.body.code]).toEqual([404, 'ORDER.NOT_FOUND']);
    }
    const missing = await stack.http.get('/api/v1/orders/01900000-0000-7000-8000-000000000000/comments', agent.token);
    expect(missing.status).toBe(404);
    // Another tenant's administrator does not see it either.
    expect((await stack.http.get(`/api/v1/orders/${ticket.id}/comments`, other.adminToken)).status).toBe(404);

    const clientNote = await stack.http.post(
      `/api/v1/orders/${ticket.id}/comments`,
      { body: 'Just between us', visibility: 'internal' },
      ann.token,
    );
    expect([clientNote.status, clientNote.body.code]).toEqual([403, 'COMMENT.CLIENT_INTERNAL_NOTE']);

    const invalid: Array<[Record<string, unknown>, string]> = [
      [{ body: '', visibility: 'public' }, 'body'],
      [{ body: '   ', visibility: 'internal' }, 'body'],
      [{ visibility: 'internal' }, 'body'],
      [{ body: 'x'.repeat(10_001), visibility: 'internal' }, 'body'],
      [{ body: 'Hello', visibility: 'secret' }, 'visibility'],
      [{ body: 'Hello' }, 'visibility'],
    ];
    for (const [body, field] of invalid) {
      const refused = await stack.http.post(`/api/v1/orders/${ticket.id}/comments`, body, agent.token);
      expect([field, refused.status, refused.body.errors]).toEqual([
        field,
        422,
        expect.arrayContaining([expect.objectContaining({ field })]),
      ]);
    }
    const badCursor = await stack.http.get(`/api/v1/orders/${ticket.id}/comments?cursor=nonsense`, agent.token);
    expect([badCursor.status, badCursor.body.errors]).toEqual([422, [expect.objectContaining({ field: 'cursor' })]]);
    expect((await comments(ticket.id, agent.token)).length).toBe(before);
  });

  it("a reply email joins its ticket as the client's public comment, once; a new email opens a new ticket", async () => {
    const mailbox = await post('/api/v1/channels', {
      kind: 'email',
      address: `support@${tenant.slug}.test`,
      name: 'Support mail',
      departmentId: firstLine.id,
    });
    const opening = {
      messageId: '<m1@acme.test>',
      from: { email: ann.email, name: 'Ann Client' },
      subject: 'Scanner does not start',
      text: 'The scanner shows error E42.',
    };
    const opened = await post(`/api/v1/channels/${mailbox.id}/inbound`, opening);
    const mailTicket = await ticketTitled('Scanner does not start');
    expect(mailTicket).toMatchObject({ clientContactId: ann.id, departmentId: firstLine.id, inboundMessageId: opened.inboundMessageId });

    const agentReply = await post(
      `/api/v1/orders/${mailTicket.id}/comments`,
      { body: 'Please restart it holding the blue button.', visibility: 'public' },
      201,
      agent.token,
    );
    const reply = {
      messageId: '<m2@acme.test>',
      inReplyTo: '<m1@acme.test>',
      references: ['<m1@acme.test>'],
      from: { email: ann.email },
      subject: 'Re: Scanner does not start',
      text: 'Restarted it, now it shows E43.',
    };
    const received = await post(`/api/v1/channels/${mailbox.id}/inbound`, reply);
    expect(received.contactId).toBe(ann.id);
    await post(`/api/v1/channels/${mailbox.id}/inbound`, reply, 200);
    const joined = await eventually(async () => {
      const items = await comments(mailTicket.id, agent.token);
      expect(items).toHaveLength(2);
      return items[1];
    }, SLOW);
    expect(joined).toMatchObject({
      orderId: mailTicket.id,
      body: 'Restarted it, now it shows E43.',
      visibility: 'public',
      authorId: ann.id,
      authorKind: 'contact',
      inboundMessageId: received.inboundMessageId,
    });
    // The client reads the same conversation in the portal.
    expect((await comments(mailTicket.id, ann.token)).map((comment) => comment.id)).toEqual([agentReply.id, joined.id]);

    // An answer to the answer names only the later message: it is part of the same thread.
    await post(`/api/v1/channels/${mailbox.id}/inbound`, {
      messageId: '<m3@acme.test>',
      references: ['<m1@acme.test>', '<m2@acme.test>'],
      from: { email: ann.email },
      text: 'Works now.',
    });
    await eventually(
      async () => expect((await comments(mailTicket.id, agent.token)).map((comment) => comment.body)).toContain('Works now.'),
      SLOW,
    );

    // A new email without a thread opens its own ticket, and the first ticket stays as it was.
    const fresh = await post(`/api/v1/channels/${mailbox.id}/inbound`, {
      messageId: '<m4@acme.test>',
      from: { email: ann.email },
      subject: 'Toner is empty',
      text: 'Floor 3.',
    });
    const tonerTicket = await ticketTitled('Toner is empty');
    expect(tonerTicket).toMatchObject({ clientContactId: ann.id, inboundMessageId: fresh.inboundMessageId });
    expect(await comments(tonerTicket.id, agent.token)).toEqual([]);
    expect((await stack.http.get('/api/v1/orders?search=Scanner', tenant.adminToken)).body.total).toBe(1);
    expect((await comments(mailTicket.id, agent.token)).length).toBe(3);
    const events = await readEvents(OrderCommentAddedV1.type, (event) => event.data.inboundMessageId === received.inboundMessageId);
    expect(events).toHaveLength(1);
    const [inbound] = await readEvents(InboundReceivedV1.type, (event) => event.data.inboundMessageId === received.inboundMessageId);
    expect(inbound!.data).toMatchObject({
      externalMessageId: '<m2@acme.test>',
      inReplyTo: '<m1@acme.test>',
      references: ['<m1@acme.test>'],
    });

    // Thread headers of the wrong shape are refused naming the field, and nothing is received.
    for (const [body, field] of [
      [{ inReplyTo: '' }, 'inReplyTo'],
      [{ references: '<m1@acme.test>' }, 'references'],
      [{ references: [42] }, 'references'],
    ] as const) {
      const refused = await stack.http.post(
        `/api/v1/channels/${mailbox.id}/inbound`,
        { messageId: '<bad@acme.test>', from: { email: ann.email }, text: 'x', ...body },
        tenant.adminToken,
      );
      expect([field, refused.status, refused.body.errors]).toEqual([
        field,
        422,
        expect.arrayContaining([expect.objectContaining({ field })]),
      ]);
    }
  });

  it('a reply naming a thread of another channel or tenant opens its own ticket there and adds nothing to the original', async () => {
    const mailbox = await post('/api/v1/channels', {
      kind: 'email',
      address: `help@${tenant.slug}.test`,
      name: 'Help mail',
      departmentId: firstLine.id,
    });
    const billing = await post('/api/v1/channels', {
      kind: 'email',
      address: `billing@${tenant.slug}.test`,
      name: 'Billing mail',
      departmentId: accounting.id,
    });
    const foreignSupport = await stack.http.postExpecting('/api/v1/departments', { name: 'Support' }, other.adminToken, 201);
    const foreign = await stack.http.postExpecting(
      '/api/v1/channels',
      { kind: 'email', address: `help@${other.slug}.test`, name: 'Help mail', departmentId: foreignSupport.id },
      other.adminToken,
      201,
    );
    await post(`/api/v1/channels/${mailbox.id}/inbound`, {
      messageId: '<t1@acme.test>',
      from: { email: ann.email },
      subject: 'VPN drops',
      text: 'Every ten minutes.',
    });
    const vpnTicket = await ticketTitled('VPN drops');

    const answer = {
      messageId: '<t2@acme.test>',
      inReplyTo: '<t1@acme.test>',
      from: { email: ann.email },
      subject: 'Re: VPN drops (invoice)',
      text: 'And the invoice?',
    };
    await post(`/api/v1/channels/${billing.id}/inbound`, answer);
    const billingTicket = await ticketTitled('Re: VPN drops (invoice)');
    expect(billingTicket.departmentId).toBe(accounting.id);
    await stack.http.postExpecting(
      `/api/v1/channels/${foreign.id}/inbound`,
      { ...answer, subject: 'Re: VPN drops (elsewhere)' },
      other.adminToken,
      201,
    );
    const foreignTicket = await ticketTitled('Re: VPN drops (elsewhere)', other.adminToken);
    expect(foreignTicket.departmentId).toBe(foreign.departmentId);

    expect(await comments(vpnTicket.id, agent.token)).toEqual([]);
    expect(await comments(billingTicket.id, tenant.adminToken)).toEqual([]);
  });

  it('a messenger sender with an open ticket on the bot writes into it; once the ticket is closed, the next message opens a new one', async () => {
    const bot = await post('/api/v1/channels', {
      kind: 'messenger',
      address: `@${tenant.slug}_bot`,
      name: 'Support bot',
      departmentId: firstLine.id,
    });
    await post(`/api/v1/channels/${bot.id}/inbound`, {
      messageId: '1',
      from: { messengerId: '4242', name: 'Pyotr Petrov' },
      text: 'My monitor flickers',
    });
    const chatTicket = await ticketTitled('My monitor flickers');
    const second = await post(`/api/v1/channels/${bot.id}/inbound`, {
      messageId: '2',
      from: { messengerId: '4242' },
      text: 'The left one, since Monday',
    });
    const joined = await eventually(async () => {
      const items = await comments(chatTicket.id, agent.token);
      expect(items).toHaveLength(1);
      return items[0];
    }, SLOW);
    expect(joined).toMatchObject({
      body: 'The left one, since Monday',
      visibility: 'public',
      authorKind: 'contact',
      authorId: second.contactId,
      inboundMessageId: second.inboundMessageId,
    });
    // Another sender on the same bot opens its own ticket.
    await post(`/api/v1/channels/${bot.id}/inbound`, { messageId: '3', from: { messengerId: '5151' }, text: 'Keyboard missing keys' });
    await ticketTitled('Keyboard missing keys');

    const closed = await moveOrder(stack, tenant.adminToken, chatTicket.id, tenant.status.Closed!);
    expect(closed.status).toBe(200);
    await post(`/api/v1/channels/${bot.id}/inbound`, { messageId: '4', from: { messengerId: '4242' }, text: 'Flickering again today' });
    const reopened = await ticketTitled('Flickering again today');
    expect(reopened.id).not.toBe(chatTicket.id);
    expect(await comments(chatTicket.id, agent.token)).toHaveLength(1);
  });
});
