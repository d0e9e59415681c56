import { eventually } from '@warden/testing';
import { Stack } from './support/stack';
import { SmtpSink } from './support/smtp-sink';
import { admin, createOrder, createOrdersTenant, moveOrder, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

const SLOW = { timeoutMs: 15_000 };

/**
 * Email notifications as the people who get them see them: a real SMTP listener receives what the integrations
 * service sends for ticket events, with the recipient, the subject and a signed unsubscribe link that works.
 */
describe('email notifications', () => {
  let stack: Stack;
  let sink: SmtpSink;
  let tenant: OrdersTenant;
  let boss: Person;
  const previous = { smtp: process.env.SMTP_URL, schedule: process.env.NOTIFICATION_RETRY_SCHEDULE };

  beforeAll(async () => {
    sink = await SmtpSink.start();
    process.env.SMTP_URL = sink.url;
    // Retries within the test's time; the last wait keeps a refusing mailbox pending while the test looks.
    process.env.NOTIFICATION_RETRY_SCHEDULE = '200ms,200ms,30s';
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'nt');
    boss = admin(tenant);
  });

  afterAll(async () => {
    await stack?.stop();
    await sink?.stop();
    for (const [name, value] of [
      ['SMTP_URL', previous.smtp],
      ['NOTIFICATION_RETRY_SCHEDULE', previous.schedule],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  async function contact(email: string, notifications: boolean): Promise<{ id: string; email: string }> {
    const response = await stack.http.post(
      '/api/v1/contacts',
      { lastName: 'Client', firstName: email.split('@')[0], email, notifications },
      boss.token,
    );
    if (response.status !== 201) throw new Error(`contact: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function log(recipientId: string): Promise<any[]> {
    const response = await stack.http.get(`/api/v1/notifications?recipientId=${recipientId}`, boss.token);
    expect(response.status).toBe(200);
    return response.body.items;
  }

  function unsubscribePath(mail: { text: string }): string {
    const match = /https?:\/\/[^/\s]+(\/api\/v1\/notifications\/unsubscribe\?token=[A-Za-z0-9_.-]+)/.exec(mail.text);
    if (!match) throw new Error(`no unsubscribe link in: ${mail.text}`);
    return match[1]!;
  }

  it('emails a contact with the flag on when its ticket is opened and when it is closed, with a working unsubscribe link', async () => {
    const ann = await contact(`ann@${tenant.slug}.client.test`, true);
    const order = await createOrder(stack, boss.token, { title: 'Printer jams', clientContactId: ann.id });

    const opened = await eventually(() => {
      expect(sink.to(ann.email)).toHaveLength(1);
      return sink.to(ann.email)[0]!;
    }, SLOW);
    expect(opened.subject).toBe(`[Tenant ${tenant.slug}] Ticket #${order.number} received: Printer jams`);
    expect(opened.headers['list-unsubscribe']).toMatch(/^<http.*\/api\/v1\/notifications\/unsubscribe\?token=/);
    expect(opened.text).toContain('Hello ann Client');

    // A move between active statuses says nothing; a final one does.
    expect((await moveOrder(stack, boss.token, order.id, tenant.status.Contacted!)).status).toBe(200);
    const moved = await stack.http.get(`/api/v1/orders/${order.id}`, boss.token);
    expect((await moveOrder(stack, boss.token, order.id, tenant.status.Closed!, moved.body.version)).status).toBe(200);
    const closed = await eventually(() => {
      expect(sink.to(ann.email)).toHaveLength(2);
      return sink.to(ann.email)[1]!;
    }, SLOW);
    expect(closed.subject).toBe(`[Tenant ${tenant.slug}] Ticket #${order.number} is Closed`);
    const sent = await eventually(async () => {
      const items = await log(ann.id);
      expect(items.map((item) => `${item.kind}:${item.status}`)).toEqual(['order-closed:sent', 'order-created:sent']);
      return items;
    }, SLOW);
    expect(sent[0]).toMatchObject({ recipientKind: 'contact', email: ann.email, subject: closed.subject, attempts: 1, reason: null });

    // A forged token is refused naming the field; the real one turns the flag off without signing in.
    const path = unsubscribePath(closed);
    const forged = await stack.http.get(path.replace(/token=./, (prefix) => `${prefix.slice(0, -1)}${prefix.endsWith('A') ? 'B' : 'A'}`));
    expect(forged.status).toBe(422);
    expect(forged.body.errors).toEqual([{ field: 'token', reason: expect.any(String) }]);
    const unsubscribed = await stack.http.get(path);
    expect(unsubscribed.status).toBe(200);
    expect(unsubscribed.body).toEqual({ unsubscribed: true });
    expect((await stack.http.get(`/api/v1/contacts/${ann.id}`, boss.token)).body.notifications).toBe(false);
    expect((await stack.http.get(path)).status).toBe(200);

    // From now on nothing more reaches Ann; the log says why.
    const later = await createOrder(stack, boss.token, { title: 'Toner', clientContactId: ann.id });
    await eventually(async () => {
      const items = await log(ann.id);
      expect(items[0]).toMatchObject({ kind: 'order-created', status: 'skipped', reason: "the contact's notifications flag is off" });
    }, SLOW);
    expect(later.id).toBeDefined();
    expect(sink.to(ann.email)).toHaveLength(2);
  });

  it('emails nobody whose flag is off or whose address is a placeholder', async () => {
    const quiet = await contact(`quiet@${tenant.slug}.client.test`, false);
    const desk = await stack.http.post('/api/v1/departments', { name: 'Bot desk', memberIds: [] }, boss.token);
    const channel = await stack.http.post(
      '/api/v1/channels',
      { kind: 'messenger', address: `@${tenant.slug}_bot`, name: 'Bot', departmentId: desk.body.id },
      boss.token,
    );
    expect(channel.status).toBe(201);
    const inbound = await stack.http.post(
      `/api/v1/channels/${channel.body.id}/inbound`,
      { messageId: 'tg-1', from: { messengerId: '777', name: 'Pavel' }, text: 'Hi' },
      boss.token,
    );
    const placeholderId: string = inbound.body.contactId;
    // Even with its flag turned on, a generated address gets nothing.
    expect((await stack.http.patch(`/api/v1/contacts/${placeholderId}`, { notifications: true }, boss.token)).status).toBe(200);
    await createOrder(stack, boss.token, { title: 'Quiet one', clientContactId: quiet.id });
    await createOrder(stack, boss.token, { title: 'From the bot', clientContactId: placeholderId });

    await eventually(async () => {
      expect((await log(quiet.id)).map((item) => `${item.status}:${item.reason}`)).toEqual([
        "skipped:the contact's notifications flag is off",
      ]);
      expect((await log(placeholderId)).map((item) => `${item.status}:${item.reason}`)).toContain(
        'skipped:the contact has only a generated placeholder email',
      );
    }, SLOW);
    expect(sink.to(quiet.email)).toEqual([]);
    expect(sink.received.filter((mail) => mail.subject.includes('From the bot') || mail.subject.includes('Quiet one'))).toEqual([]);
  });

  it('logs and retries a refusing mailbox without holding up anyone else', async () => {
    const refusing = await contact(`full@${tenant.slug}.client.test`, true);
    const fine = await contact(`fine@${tenant.slug}.client.test`, true);
    sink.refuse.add(refusing.email);
    await createOrder(stack, boss.token, { title: 'Refused', clientContactId: refusing.id });
    await createOrder(stack, boss.token, { title: 'Accepted', clientContactId: fine.id });

    await eventually(() => expect(sink.to(fine.email)).toHaveLength(1), SLOW);
    const retried = await eventually(async () => {
      const [item] = await log(refusing.id);
      expect(item.attempts).toBeGreaterThanOrEqual(3);
      return item;
    }, SLOW);
    expect(retried).toMatchObject({ status: 'pending', email: refusing.email, reason: expect.stringContaining('550') });
    expect(sink.refused.filter((address) => address === refusing.email).length).toBeGreaterThanOrEqual(3);
    expect(sink.to(refusing.email)).toEqual([]);
  });

  it('tells a department about a ticket transferred to it, unless the employee turned that off for itself', async () => {
    const nina = await signedInEmployee(stack, tenant, { firstName: 'Nina', email: `nina@${tenant.slug}.test` });
    const oleg = await signedInEmployee(stack, tenant, { firstName: 'Oleg', email: `oleg@${tenant.slug}.test` });
    const department = await stack.http.post('/api/v1/departments', { name: 'Key accounts', memberIds: [nina.id, oleg.id] }, boss.token);
    expect(department.status).toBe(201);
    const off = await stack.http.put('/api/v1/me/notification-settings', { orderTransferred: false }, oleg.token);
    expect(off.body).toEqual({ orderTransferred: false, inquiryAssigned: true, automationNotify: true });
    expect((await stack.http.put('/api/v1/me/notification-settings', { orderTransferred: 'no' }, oleg.token)).status).toBe(422);
    expect((await stack.http.get('/api/v1/notifications', nina.token)).status).toBe(403);

    const order = await createOrder(stack, boss.token, { title: 'Contract renewal' });
    expect((await stack.http.post(`/api/v1/orders/${order.id}/transfer`, { departmentId: department.body.id }, boss.token)).status).toBe(
      200,
    );

    const mail = await eventually(() => {
      expect(sink.to(`nina@${tenant.slug}.test`)).toHaveLength(1);
      return sink.to(`nina@${tenant.slug}.test`)[0]!;
    }, SLOW);
    expect(mail.subject).toBe(`[Tenant ${tenant.slug}] Ticket #${order.number} transferred to Key accounts`);
    await eventually(async () => {
      expect((await log(oleg.id)).map((item) => `${item.status}:${item.reason}`)).toEqual([
        'skipped:the employee turned these notifications off',
      ]);
    }, SLOW);
    expect(sink.to(`oleg@${tenant.slug}.test`)).toEqual([]);
  });

  it('a rule sends Acme tickets to Key accounts and emails the company’s client manager once, naming the ticket and the rule', async () => {
    const post = async (path: string, body: Record<string, unknown>, token = boss.token, expected = 201): Promise<any> =>
      stack.http.postExpecting(path, body, token, expected);
    const kateEmail = `kate@${tenant.slug}.test`;
    const kate = await signedInEmployee(stack, tenant, { firstName: 'Kate', email: kateEmail });
    const keyAccounts = await post('/api/v1/departments', { name: 'Key accounts (Acme)' });
    const support = await post('/api/v1/departments', { name: 'Support' });
    const acme = await post('/api/v1/companies', { name: 'Acme' });
    const put = await stack.http.put(`/api/v1/companies/${acme.id}/client-managers`, { personIds: [kate.id] }, boss.token);
    expect(put.status).toBe(200);
    const runner = await post('/api/v1/contacts', {
      lastName: 'Runner',
      firstName: 'Road',
      email: `runner@${tenant.slug}.client.test`,
      companyId: acme.id,
      notifications: false,
    });
    // Only an employee of the tenant can be notified.
    const refused = await stack.http.post(
      '/api/v1/automations',
      { name: 'Bad', trigger: 'order.created', actions: { notifyPersonId: runner.id } },
      boss.token,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((error: any) => error.field)).toEqual(['actions.notifyPersonId']);

    const rule = await post('/api/v1/automations', {
      name: 'Acme to Key accounts',
      trigger: 'order.created',
      conditions: { clientCompanyIds: [acme.id] },
      actions: { departmentId: keyAccounts.id, notifyPersonId: kate.id },
    });
    const order = await createOrder(stack, boss.token, { title: 'Invoice question', departmentId: support.id, clientContactId: runner.id });
    const mail = await eventually(() => {
      expect(sink.to(kateEmail)).toHaveLength(1);
      return sink.to(kateEmail)[0]!;
    }, SLOW);
    expect(mail.subject).toBe(`[Tenant ${tenant.slug}] Ticket #${order.number}: Acme to Key accounts`);
    expect(mail.text).toContain(
      `the automation rule "Acme to Key accounts" asks you to look at ticket #${order.number} "Invoice question"`,
    );
    expect(mail.headers['list-unsubscribe']).toMatch(/unsubscribe\?token=/);
    await eventually(async () => {
      expect((await log(kate.id)).map((item) => `${item.kind}:${item.status}`)).toEqual(['automation-notify:sent']);
    }, SLOW);

    const history = (await stack.http.get(`/api/v1/orders/${order.id}/history`, boss.token)).body;
    expect(history.map((entry: any) => [entry.kind, entry.automation?.ruleId ?? null])).toEqual([
      ['status', null],
      ['transfer', rule.id],
      ['automation', rule.id],
    ]);
    expect(history[2].automation.note).toBe(`Rule 'Acme to Key accounts' notifies employee ${kate.id} by email`);
    const dry = await stack.http.post(`/api/v1/automations/${rule.id}/dry-run`, { orderId: order.id }, boss.token);
    expect(dry.body.actions.map((action: any) => [action.action, action.outcome, action.value])).toEqual([
      ['set-department', 'unchanged', keyAccounts.id],
      ['notify', 'applied', kate.id],
    ]);
    // The dry run sent nothing.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sink.to(kateEmail)).toHaveLength(1);

    // Kate's unsubscribe link turns off these emails only, for herself: the next Acme ticket is logged, not sent.
    expect((await stack.http.get(unsubscribePath(mail))).status).toBe(200);
    expect((await stack.http.get('/api/v1/me/notification-settings', kate.token)).body).toEqual({
      orderTransferred: true,
      inquiryAssigned: true,
      automationNotify: false,
    });
    await createOrder(stack, boss.token, { title: 'Second question', departmentId: support.id, clientContactId: runner.id });
    await eventually(async () => {
      expect((await log(kate.id)).map((item) => `${item.kind}:${item.status}:${item.reason}`)).toEqual([
        'automation-notify:skipped:the employee turned these notifications off',
        'automation-notify:sent:null',
      ]);
    }, SLOW);
    expect(sink.to(kateEmail)).toHaveLength(1);
    await stack.http.delete(`/api/v1/automations/${rule.id}`, boss.token);
  });

  it('a rule whose owner does not see the ticket emails nobody, and the ticket’s history says why', async () => {
    const vera = await signedInEmployee(stack, tenant, { firstName: 'Vera', email: `vera@${tenant.slug}.test` });
    const lenaEmail = `lena@${tenant.slug}.test`;
    const lena = await signedInEmployee(stack, tenant, { firstName: 'Lena', email: lenaEmail });
    const hidden = await stack.http.postExpecting('/api/v1/departments', { name: 'Hidden desk' }, boss.token);
    const watchers = await stack.http.postExpecting('/api/v1/groups', { name: 'Watchers', rights: ['automation.manage'] }, boss.token);
    await stack.http.postExpecting(`/api/v1/groups/${watchers.id}/members`, { personIds: [vera.id] }, boss.token, 200);
    await eventually(async () => expect((await stack.http.get('/api/v1/automations', vera.token)).status).toBe(200), SLOW);
    const rule = await stack.http.postExpecting(
      '/api/v1/automations',
      { name: 'Tell Lena', trigger: 'order.created', conditions: { departmentIds: [hidden.id] }, actions: { notifyPersonId: lena.id } },
      vera.token,
    );
    const order = await createOrder(stack, boss.token, { title: 'Behind the curtain', departmentId: hidden.id });
    const entry = await eventually(async () => {
      const history = (await stack.http.get(`/api/v1/orders/${order.id}/history`, boss.token)).body;
      const found = history.find((candidate: any) => candidate.automation?.ruleId === rule.id);
      expect(found).toBeDefined();
      return found;
    }, SLOW);
    expect(entry.kind).toBe('automation');
    expect(entry.automation.note).toContain("Rule 'Tell Lena' did not notify its employee");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await log(lena.id)).toEqual([]);
    expect(sink.to(lenaEmail)).toEqual([]);
  });
});
