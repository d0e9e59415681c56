import {
  AutomationAppliedV1,
  OrderCommentAddedV1,
  OrderCreatedV1,
  OrderStatusChangedV1,
  OrderTagsChangedV1,
  OrderTransferredV1,
} from '@warden/contracts';
import { eventually, readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createOrder, createOrdersTenant, moveOrder, setLevels, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

/** Rules run from the order's event, after its commit; policy changes reach permissions as events too. */
const SLOW = { timeoutMs: 20_000 };
jest.setTimeout(60_000);

/**
 * Automation rules (docs/rules.md#automation) over HTTP, as a helpdesk uses them: every new ticket of company Acme
 * goes to department "Key accounts" with Kate as its responsible employee; the rule acts as the system, recorded in
 * the ticket's history with the rule's id, and only as far as its owner may at the time it runs.
 */
describe('automation rules: route a company’s new tickets', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let other: OrdersTenant;
  let kate: Person;
  let owner: Person;
  let keyAccounts: any;
  let support: any;
  let acme: any;
  let globex: any;
  let acmeContact: any;
  let globexContact: any;
  let acmeRule: any;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'aut');
    other = await createOrdersTenant(stack, 'auu');
    kate = await signedInEmployee(stack, tenant, { firstName: 'Kate', position: 'Key account manager' });
    owner = await signedInEmployee(stack, tenant, { firstName: 'Oleg', position: 'Support lead' });
    keyAccounts = await post('/api/v1/departments', { name: 'Key accounts', memberIds: [kate.id] });
    support = await post('/api/v1/departments', { name: 'Support' });
    acme = await post('/api/v1/companies', { name: 'Acme' });
    globex = await post('/api/v1/companies', { name: 'Globex' });
    acmeContact = await post('/api/v1/contacts', {
      lastName: 'Road',
      firstName: 'Runner',
      email: `runner@${tenant.slug}.test`,
      companyId: acme.id,
    });
    globexContact = await post('/api/v1/contacts', {
      lastName: 'Scorpio',
      firstName: 'Hank',
      email: `hank@${tenant.slug}.test`,
      companyId: globex.id,
    });
    const automators = await post('/api/v1/groups', {
      name: 'Automators',
      rights: ['automation.manage', 'departments.all', 'orders.transfer-anywhere'],
    });
    await post(`/api/v1/groups/${automators.id}/members`, { personIds: [owner.id] }, 200);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  function post(path: string, body: Record<string, unknown>, expected = 201, token = tenant.adminToken): Promise<any> {
    return stack.http.postExpecting(path, body, token, expected);
  }

  async function history(orderId: string): Promise<any[]> {
    const response = await stack.http.get(`/api/v1/orders/${orderId}/history`, tenant.adminToken);
    expect(response.status).toBe(200);
    return response.body;
  }

  it('without automation.manage every route is 403', async () => {
    const id = '01900000-0000-7000-8000-000000000000';
    const refused = [
      await stack.http.get('/api/v1/automations', kate.token),
      await stack.http.post(
        '/api/v1/automations',
        { name: 'x', trigger: 'order.created', actions: { departmentId: keyAccounts.id } },
        kate.token,
      ),
      await stack.http.get(`/api/v1/automations/${id}`, kate.token),
      await stack.http.patch(`/api/v1/automations/${id}`, { active: false }, kate.token),
      await stack.http.delete(`/api/v1/automations/${id}`, kate.token),
      await stack.http.post(`/api/v1/automations/${id}/dry-run`, { orderId: id }, kate.token),
    ];
    expect(refused.map((response) => response.status)).toEqual([403, 403, 403, 403, 403, 403]);
  });

  it('bad input is 422 naming the field: an unknown field, a status of another workflow, another tenant’s department, channel or employee', async () => {
    const base = { name: 'Bad', trigger: 'order.created', actions: { departmentId: keyAccounts.id } };
    const taskWorkflow = await post('/api/v1/workflows', {
      name: 'Tasks',
      kind: 'task',
      statuses: [{ name: 'Open', category: 'initial' }],
    });
    const foreignDepartment = await stack.http.post('/api/v1/departments', { name: 'Foreign' }, other.adminToken);
    const foreignEmployee = await signedInEmployee(stack, other, { firstName: 'Fred' });
    const foreignChannel = await stack.http.post(
      '/api/v1/channels',
      { kind: 'email', address: `help@${other.slug}.test`, name: 'Foreign mail', departmentId: foreignDepartment.body.id },
      other.adminToken,
    );
    expect(foreignChannel.status).toBe(201);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, colour: 'red' }, 'colour'],
      [{ ...base, conditions: { tagIds: [keyAccounts.id] } }, 'conditions.tagIds'],
      [{ ...base, conditions: { channelIds: [foreignChannel.body.id] } }, 'conditions.channelIds.0'],
      [{ ...base, conditions: { channelIds: [keyAccounts.id] } }, 'conditions.channelIds.0'],
      [{ ...base, actions: { departmentId: keyAccounts.id, tag: 'not a tag!' } }, 'actions.tag'],
      [{ ...base, actions: { tag: 42 } }, 'actions.tag'],
      [{ ...base, actions: { tag: 'x'.repeat(51) } }, 'actions.tag'],
      [{ ...base, conditions: { tags: ['vip', 'no good'] } }, 'conditions.tags.1'],
      [{ ...base, conditions: { tags: 'vip' } }, 'conditions.tags'],
      [{ ...base, trigger: 'order.deleted' }, 'trigger'],
      [{ ...base, conditions: { statusIds: [tenant.status.New, taskWorkflow.statuses[0].id] } }, 'conditions.statusIds.1'],
      [{ ...base, conditions: { statusIds: [other.status.New] } }, 'conditions.statusIds.0'],
      [{ ...base, actions: { departmentId: foreignDepartment.body.id } }, 'actions.departmentId'],
      [{ ...base, conditions: { departmentIds: [foreignDepartment.body.id] } }, 'conditions.departmentIds.0'],
      [{ ...base, actions: { responsibleId: foreignEmployee.id } }, 'actions.responsibleId'],
      [{ ...base, actions: { responsibleId: acmeContact.id } }, 'actions.responsibleId'],
      [{ ...base, actions: { notifyPersonId: foreignEmployee.id } }, 'actions.notifyPersonId'],
      [{ ...base, actions: { notifyPersonId: acmeContact.id } }, 'actions.notifyPersonId'],
      [{ ...base, actions: {} }, 'actions'],
      [{ ...base, actions: { statusId: taskWorkflow.statuses[0].id } }, 'actions.statusId'],
      [{ ...base, actions: { statusId: other.status.Closed } }, 'actions.statusId'],
      [{ ...base, actions: { statusId: 'closed' } }, 'actions.statusId'],
      [{ ...base, actions: { note: '   ' } }, 'actions.note'],
      [{ ...base, actions: { note: 'x'.repeat(2001) } }, 'actions.note'],
      [{ ...base, actions: { note: 42 } }, 'actions.note'],
      [
        { ...base, conditions: { contactFields: [{ field: 'colour', operator: 'equals', value: 'red' }] } },
        'conditions.contactFields.0.field',
      ],
      [
        { ...base, conditions: { contactFields: [{ field: 'email', operator: 'like', value: 'x' }] } },
        'conditions.contactFields.0.operator',
      ],
      [
        { ...base, conditions: { contactFields: [{ field: 'email', operator: 'contains', value: '  ' }] } },
        'conditions.contactFields.0.value',
      ],
      [{ ...base, conditions: { contactFields: [{ field: 'email', operator: 'contains' }] } }, 'conditions.contactFields.0.value'],
      [
        { ...base, conditions: { contactFields: [{ field: 'phone', operator: 'present', value: '+1' }] } },
        'conditions.contactFields.0.value',
      ],
      [
        { ...base, conditions: { contactFields: [{ field: 'branchId', operator: 'contains', value: 'ab' }] } },
        'conditions.contactFields.0.operator',
      ],
      [
        { ...base, conditions: { contactFields: [{ field: 'status', operator: 'equals', value: 'gone' }] } },
        'conditions.contactFields.0.value',
      ],
      [
        {
          ...base,
          conditions: {
            contactFields: [
              { field: 'email', operator: 'present' },
              { field: 'responsibleEmployeeId', operator: 'equals', value: foreignEmployee.id },
            ],
          },
        },
        'conditions.contactFields.1.value',
      ],
      [
        { ...base, conditions: { contactFields: [{ field: 'branchId', operator: 'equals', value: keyAccounts.id }] } },
        'conditions.contactFields.0.value',
      ],
    ];
    for (const [body, field] of cases) {
      const refused = await stack.http.post('/api/v1/automations', body, tenant.adminToken);
      expect([field, refused.status]).toEqual([field, 422]);
      expect(refused.body.errors.map((error: any) => error.field)).toContain(field);
    }
    expect((await stack.http.get('/api/v1/automations', tenant.adminToken)).body).toEqual([]);
  });

  it('a rule sends every new Acme ticket to Key accounts with Kate responsible, recorded in history with its id', async () => {
    acmeRule = await post('/api/v1/automations', {
      name: 'Acme to Key accounts',
      trigger: 'order.created',
      conditions: { clientCompanyIds: [acme.id] },
      actions: { departmentId: keyAccounts.id, responsibleId: kate.id },
    });
    expect(acmeRule).toMatchObject({ ownerId: tenant.adminId, active: true, position: 0, conditions: { clientCompanyIds: [acme.id] } });
    expect((await stack.http.get(`/api/v1/automations/${acmeRule.id}`, tenant.adminToken)).body).toEqual(acmeRule);

    const ticket = await createOrder(stack, tenant.adminToken, {
      title: 'Printer on fire',
      departmentId: support.id,
      clientContactId: acmeContact.id,
    });
    const unrelated = await createOrder(stack, tenant.adminToken, {
      title: 'Globex asks',
      departmentId: support.id,
      clientContactId: globexContact.id,
    });
    await eventually(
      async () => expect((await stack.http.get(`/api/v1/orders/${ticket.id}`, tenant.adminToken)).body.responsibleId).toBe(kate.id),
      SLOW,
    );
    const moved = (await stack.http.get(`/api/v1/orders/${ticket.id}`, tenant.adminToken)).body;
    expect(moved).toMatchObject({ departmentId: keyAccounts.id, responsibleId: kate.id });

    const entries = await history(ticket.id);
    expect(entries.map((entry) => [entry.kind, entry.actorId, entry.automation?.ruleId ?? null])).toEqual([
      ['status', tenant.adminId, null],
      ['transfer', null, acmeRule.id],
      ['responsible', null, acmeRule.id],
    ]);
    expect(entries[1].department).toEqual({ from: support.id, to: keyAccounts.id });
    expect(entries[2].responsible).toEqual({ from: null, to: kate.id });
    expect(entries[1].decision.code).toBe('ALLOWED.TRANSFER');

    // Kate, a member of Key accounts, now sees the ticket; the Globex one stayed where it was.
    expect((await stack.http.get(`/api/v1/orders/${ticket.id}`, kate.token)).status).toBe(200);
    const [transferred] = await readEvents(OrderTransferredV1.type, (event) => event.subject === ticket.id, SLOW);
    expect(transferred.data).toMatchObject({ fromDepartmentId: support.id, toDepartmentId: keyAccounts.id, actorId: null });
    const [applied] = await readEvents(AutomationAppliedV1.type, (event) => event.subject === ticket.id, SLOW);
    expect(applied.data).toMatchObject({ ruleId: acmeRule.id, ownerId: tenant.adminId, trigger: 'order.created', orderId: ticket.id });
    expect(applied.data.actions.map((action: any) => [action.action, action.outcome])).toEqual([
      ['set-department', 'applied'],
      ['set-responsible', 'applied'],
    ]);
    expect((await history(unrelated.id)).map((entry) => entry.kind)).toEqual(['status']);
    expect((await stack.http.get(`/api/v1/orders/${unrelated.id}`, tenant.adminToken)).body.departmentId).toBe(support.id);
  });

  it('the dry run says what the rule would do and why, changes nothing, and matches the real run', async () => {
    // Made while the rule is off: nothing ran on it.
    await stack.http.patch(`/api/v1/automations/${acmeRule.id}`, { active: false }, tenant.adminToken);
    const quiet = await createOrder(stack, tenant.adminToken, {
      title: 'Acme again',
      departmentId: support.id,
      clientContactId: acmeContact.id,
    });
    const globexTicket = await createOrder(stack, tenant.adminToken, { title: 'Globex again', clientContactId: globexContact.id });
    const dry = await stack.http.post(`/api/v1/automations/${acmeRule.id}/dry-run`, { orderId: quiet.id }, tenant.adminToken);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ ruleId: acmeRule.id, orderId: quiet.id, active: false, matched: true });
    expect(dry.body.conditions).toEqual([expect.objectContaining({ condition: 'clientCompanyIds', holds: true })]);
    expect(dry.body.actions.map((action: any) => [action.action, action.outcome, action.value])).toEqual([
      ['set-department', 'applied', keyAccounts.id],
      ['set-responsible', 'applied', kate.id],
    ]);
    const untouched = (await stack.http.get(`/api/v1/orders/${quiet.id}`, tenant.adminToken)).body;
    expect(untouched).toMatchObject({ departmentId: support.id, responsibleId: null, version: quiet.version });
    expect((await history(quiet.id)).map((entry) => entry.kind)).toEqual(['status']);

    const miss = await stack.http.post(`/api/v1/automations/${acmeRule.id}/dry-run`, { orderId: globexTicket.id }, tenant.adminToken);
    expect(miss.body).toMatchObject({ matched: false, actions: [] });
    expect(miss.body.conditions[0]).toMatchObject({ condition: 'clientCompanyIds', holds: false });

    // On again: the real run on a twin ticket does what the dry run said.
    await stack.http.patch(`/api/v1/automations/${acmeRule.id}`, { active: true }, tenant.adminToken);
    const twin = await createOrder(stack, tenant.adminToken, {
      title: 'Acme twin',
      departmentId: support.id,
      clientContactId: acmeContact.id,
    });
    const [applied] = await readEvents(AutomationAppliedV1.type, (event) => event.subject === twin.id, SLOW);
    expect(applied.data.actions.map((action: any) => [action.action, action.outcome, action.value])).toEqual(
      dry.body.actions.map((action: any) => [action.action, action.outcome, action.value]),
    );
    expect((await stack.http.get(`/api/v1/orders/${twin.id}`, tenant.adminToken)).body).toMatchObject({
      departmentId: keyAccounts.id,
      responsibleId: kate.id,
    });

    const unknownOrder = await stack.http.post(
      `/api/v1/automations/${acmeRule.id}/dry-run`,
      { orderId: '01900000-0000-7000-8000-000000000000' },
      tenant.adminToken,
    );
    expect(unknownOrder.status).toBe(404);
    // A rule writer who does not see the order learns nothing about it: 404, as for one that does not exist.
    const writer = await signedInEmployee(stack, tenant, { firstName: 'Wanda' });
    const writers = await post('/api/v1/groups', { name: 'Rule writers', rights: ['automation.manage'] });
    await post(`/api/v1/groups/${writers.id}/members`, { personIds: [writer.id] }, 200);
    await eventually(async () => expect((await stack.http.get('/api/v1/automations', writer.token)).status).toBe(200), SLOW);
    const hidden = await stack.http.post(`/api/v1/automations/${acmeRule.id}/dry-run`, { orderId: quiet.id }, writer.token);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'ORDER.NOT_FOUND']);
  });

  it('a rule whose owner lost the right does nothing it may no longer do, and the history says why', async () => {
    const rule = await post(
      '/api/v1/automations',
      {
        name: 'Globex to Key accounts',
        trigger: 'order.created',
        conditions: { clientCompanyIds: [globex.id] },
        actions: { departmentId: keyAccounts.id, responsibleId: kate.id },
      },
      201,
      owner.token,
    );
    expect(rule.ownerId).toBe(owner.id);
    const denied = await stack.http.put(
      `/api/v1/staff/${owner.id}/rights`,
      { right: 'orders.transfer', effect: 'deny' },
      tenant.adminToken,
    );
    expect(denied.status).toBe(200);

    const ticket = await createOrder(stack, tenant.adminToken, {
      title: 'Globex third',
      departmentId: support.id,
      clientContactId: globexContact.id,
    });
    const [applied] = await readEvents(AutomationAppliedV1.type, (event) => event.subject === ticket.id, SLOW);
    expect(applied.data.actions.map((action: any) => [action.action, action.outcome, action.code])).toEqual([
      ['set-department', 'refused', 'RIGHT.DENIED_PERSONALLY'],
      ['set-responsible', 'applied', expect.any(String)],
    ]);
    const after = (await stack.http.get(`/api/v1/orders/${ticket.id}`, tenant.adminToken)).body;
    expect(after).toMatchObject({ departmentId: support.id, responsibleId: kate.id });
    const entries = await history(ticket.id);
    expect(entries.map((entry) => [entry.kind, entry.automation?.ruleId ?? null])).toEqual([
      ['status', null],
      ['automation', rule.id],
      ['responsible', rule.id],
    ]);
    expect(entries[1].automation.note).toContain("Rule 'Globex to Key accounts' did not transfer the order");
    expect(entries[1].department).toBeNull();

    await stack.http.delete(`/api/v1/automations/${rule.id}`, tenant.adminToken);
    expect((await stack.http.get(`/api/v1/automations/${rule.id}`, tenant.adminToken)).status).toBe(404);
  });

  it('an order.status-changed rule acts on a person’s status change, once: its own change starts no rule', async () => {
    const rule = await post('/api/v1/automations', {
      name: 'Diagnostics to Kate',
      trigger: 'order.status-changed',
      conditions: { statusIds: [tenant.status.Diagnostics] },
      actions: { responsibleId: kate.id },
    });
    const order = await createOrder(stack, tenant.adminToken, { title: 'Laptop does not boot' });
    expect((await moveOrder(stack, tenant.adminToken, order.id, tenant.status.Contacted)).status).toBe(200);
    expect((await moveOrder(stack, tenant.adminToken, order.id, tenant.status.Diagnostics)).status).toBe(200);
    await eventually(
      async () => expect((await stack.http.get(`/api/v1/orders/${order.id}`, tenant.adminToken)).body.responsibleId).toBe(kate.id),
      SLOW,
    );
    const entries = await history(order.id);
    expect(entries.map((entry) => [entry.kind, entry.to.name, entry.automation?.ruleId ?? null])).toEqual([
      ['status', 'New lead', null],
      ['status', 'Contacted', null],
      ['status', 'Diagnostics', null],
      ['responsible', 'Diagnostics', rule.id],
    ]);
    const runs = await readEvents(AutomationAppliedV1.type, (event) => event.subject === order.id, SLOW);
    expect(runs.map((event) => [event.data.ruleId, event.data.trigger])).toEqual([[rule.id, 'order.status-changed']]);
  });

  it('a rule sets a status the way a person does: history, event and counters, and its own change starts no rule', async () => {
    // First in line but only for Closed orders: were a rule's change a trigger, the two rules would loop forever.
    const reopen = await post('/api/v1/automations', {
      name: 'Closed back to repair',
      trigger: 'order.status-changed',
      conditions: { statusIds: [tenant.status.Closed] },
      actions: { statusId: tenant.status['In repair'] },
      position: 0,
    });
    const close = await post('/api/v1/automations', {
      name: 'Ready closes',
      trigger: 'order.status-changed',
      conditions: { statusIds: [tenant.status.Ready] },
      actions: { statusId: tenant.status.Closed },
    });
    expect(close.actions).toEqual({ statusId: tenant.status.Closed });
    const closedBefore = (await stack.http.get(`/api/v1/orders?status=${tenant.status.Closed}`, tenant.adminToken)).body.total;

    const order = await createOrder(stack, tenant.adminToken, { title: 'Phone repaired' });
    expect((await moveOrder(stack, tenant.adminToken, order.id, tenant.status.Ready)).status).toBe(200);
    await eventually(
      async () => expect((await stack.http.get(`/api/v1/orders/${order.id}`, tenant.adminToken)).body.status.id).toBe(tenant.status.Closed),
      SLOW,
    );
    const closed = (await stack.http.get(`/api/v1/orders/${order.id}`, tenant.adminToken)).body;
    expect(closed.closedAt).not.toBeNull();
    const entries = await history(order.id);
    expect(entries.map((entry) => [entry.kind, entry.to.name, entry.actorId, entry.automation?.ruleId ?? null])).toEqual([
      ['status', 'New lead', tenant.adminId, null],
      ['status', 'Ready', tenant.adminId, null],
      ['status', 'Closed', null, close.id],
    ]);
    expect(entries[2].from.name).toBe('Ready');
    expect(entries[2].decision.code).toEqual(expect.stringMatching(/^ALLOWED/));
    const changes = await readEvents(OrderStatusChangedV1.type, (event) => event.subject === order.id && event.data.actorId === null, SLOW);
    expect(changes.map((event) => event.data.to.name)).toEqual(['Closed']);
    // The per-status counters moved with it, as for a manual change.
    await eventually(async () => {
      const list = (await stack.http.get(`/api/v1/orders?status=${tenant.status.Closed}`, tenant.adminToken)).body;
      expect(list.total).toBe(closedBefore + 1);
    }, SLOW);

    // Only 'Ready closes' ran, once: the rule's own change to Closed did not start 'Closed back to repair'.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const runs = await readEvents(AutomationAppliedV1.type, (event) => event.subject === order.id, SLOW);
    expect(runs.map((event) => [event.data.ruleId, event.data.actions.map((action: any) => [action.action, action.outcome])])).toEqual([
      [close.id, [['set-status', 'applied']]],
    ]);
    expect((await stack.http.get(`/api/v1/orders/${order.id}`, tenant.adminToken)).body.status.id).toBe(tenant.status.Closed);
    for (const rule of [reopen, close]) await stack.http.delete(`/api/v1/automations/${rule.id}`, tenant.adminToken);
  });

  it('a status the owner may not set, or not of the order’s workflow, is not set; the dry run says so first', async () => {
    await setLevels(stack, tenant, owner.id, { Cancelled: 'view' });
    const cancel = await post(
      '/api/v1/automations',
      {
        name: 'Cancel at once',
        trigger: 'order.created',
        conditions: { clientCompanyIds: [globex.id] },
        actions: { statusId: tenant.status.Cancelled },
      },
      201,
      owner.token,
    );
    const spares = await post('/api/v1/workflows', {
      name: 'Spare parts',
      kind: 'order',
      statuses: [
        { name: 'Requested', category: 'initial' },
        { name: 'Shipped', category: 'final' },
      ],
    });
    // The new workflow's statuses reach the permissions service as events.
    let parts: any;
    await eventually(async () => {
      parts = await createOrder(stack, tenant.adminToken, { title: 'Fan', workflowId: spares.id, clientContactId: globexContact.id });
    }, SLOW);
    const dryParts = await stack.http.post(`/api/v1/automations/${cancel.id}/dry-run`, { orderId: parts.id }, tenant.adminToken);
    expect(dryParts.body.actions).toEqual([
      expect.objectContaining({ action: 'set-status', outcome: 'refused', code: 'STATUS.UNKNOWN', value: tenant.status.Cancelled }),
    ]);

    const ticket = await createOrder(stack, tenant.adminToken, { title: 'Globex fourth', clientContactId: globexContact.id });
    const [applied] = await readEvents(
      AutomationAppliedV1.type,
      (event) => event.subject === ticket.id && event.data.ruleId === cancel.id,
      SLOW,
    );
    const [refused] = applied.data.actions;
    expect([refused.action, refused.outcome, refused.code]).toEqual(['set-status', 'refused', expect.not.stringMatching(/^ALLOWED/)]);
    const dry = await stack.http.post(`/api/v1/automations/${cancel.id}/dry-run`, { orderId: ticket.id }, tenant.adminToken);
    expect(dry.body.actions.map((action: any) => [action.action, action.outcome, action.code])).toEqual([
      [refused.action, refused.outcome, refused.code],
    ]);
    expect((await stack.http.get(`/api/v1/orders/${ticket.id}`, tenant.adminToken)).body.status.id).toBe(tenant.status['New lead']);
    const note = (await history(ticket.id)).find((entry) => entry.automation?.ruleId === cancel.id);
    expect(note.kind).toBe('automation');
    expect(note.automation.note).toContain("Rule 'Cancel at once' did not set the status");

    const [partsRun] = await readEvents(
      AutomationAppliedV1.type,
      (event) => event.subject === parts.id && event.data.ruleId === cancel.id,
      SLOW,
    );
    expect(partsRun.data.actions[0]).toMatchObject({ outcome: 'refused', code: 'STATUS.UNKNOWN' });
    expect((await stack.http.get(`/api/v1/orders/${parts.id}`, tenant.adminToken)).body.status.name).toBe('Requested');
    await stack.http.delete(`/api/v1/automations/${cancel.id}`, tenant.adminToken);
  });

  it('a rule adds an internal note as the system, naming the rule; the client does not see it', async () => {
    const rule = await post('/api/v1/automations', {
      name: 'Acme reminder',
      trigger: 'order.created',
      conditions: { clientCompanyIds: [acme.id] },
      actions: { note: '  Key account: answer within the hour.  ' },
    });
    expect(rule.actions).toEqual({ note: 'Key account: answer within the hour.' });
    const ticket = await createOrder(stack, tenant.adminToken, {
      title: 'Acme fax',
      departmentId: support.id,
      clientContactId: acmeContact.id,
    });
    const [added] = await readEvents(
      OrderCommentAddedV1.type,
      (event) => event.subject === ticket.id && event.data.automationRuleId === rule.id,
      SLOW,
    );
    expect(added.data).toMatchObject({ visibility: 'internal', authorId: null, body: 'Key account: answer within the hour.' });
    const notes = (await stack.http.get(`/api/v1/orders/${ticket.id}/comments`, tenant.adminToken)).body.items;
    expect(notes).toEqual([
      expect.objectContaining({
        visibility: 'internal',
        authorId: null,
        authorKind: 'employee',
        automationRuleId: rule.id,
        body: 'Key account: answer within the hour.',
      }),
    ]);
    const [applied] = await readEvents(
      AutomationAppliedV1.type,
      (event) => event.subject === ticket.id && event.data.ruleId === rule.id,
      SLOW,
    );
    expect(applied.data.actions).toEqual([expect.objectContaining({ action: 'add-note', outcome: 'applied', value: rule.actions.note })]);
    const dry = await stack.http.post(`/api/v1/automations/${rule.id}/dry-run`, { orderId: ticket.id }, tenant.adminToken);
    expect(dry.body.actions.map((action: any) => [action.action, action.outcome, action.value])).toEqual([
      ['add-note', 'applied', rule.actions.note],
    ]);
    // The dry run wrote nothing.
    expect((await stack.http.get(`/api/v1/orders/${ticket.id}/comments`, tenant.adminToken)).body.items).toHaveLength(1);
    await stack.http.delete(`/api/v1/automations/${rule.id}`, tenant.adminToken);
  });

  it('a note whose owner does not see the order is not written, and the history says why', async () => {
    const nina = await signedInEmployee(stack, tenant, { firstName: 'Nina' });
    const noters = await post('/api/v1/groups', { name: 'Note writers', rights: ['automation.manage'] });
    await post(`/api/v1/groups/${noters.id}/members`, { personIds: [nina.id] }, 200);
    await eventually(async () => expect((await stack.http.get('/api/v1/automations', nina.token)).status).toBe(200), SLOW);
    const rule = await post(
      '/api/v1/automations',
      { name: 'Nina notes', trigger: 'order.created', conditions: { departmentIds: [support.id] }, actions: { note: 'Seen by Nina' } },
      201,
      nina.token,
    );
    const ticket = await createOrder(stack, tenant.adminToken, { title: 'Support only', departmentId: support.id });
    const [applied] = await readEvents(
      AutomationAppliedV1.type,
      (event) => event.subject === ticket.id && event.data.ruleId === rule.id,
      SLOW,
    );
    expect(applied.data.actions).toEqual([expect.objectContaining({ action: 'add-note', outcome: 'refused' })]);
    expect((await stack.http.get(`/api/v1/orders/${ticket.id}/comments`, tenant.adminToken)).body.items).toEqual([]);
    const entry = (await history(ticket.id)).find((candidate) => candidate.automation?.ruleId === rule.id);
    expect(entry).toMatchObject({ kind: 'automation' });
    expect(entry.automation.note).toContain("Rule 'Nina notes' did not add its note");
    await stack.http.delete(`/api/v1/automations/${rule.id}`, tenant.adminToken);
  });

  it('an order.transferred rule acts on a person’s transfer; a rule’s own transfer starts none', async () => {
    const rule = await post('/api/v1/automations', {
      name: 'Welcome to Key accounts',
      trigger: 'order.transferred',
      conditions: { departmentIds: [keyAccounts.id] },
      actions: { responsibleId: kate.id, note: 'Handed over to Key accounts' },
    });
    expect(rule.trigger).toBe('order.transferred');
    const order = await createOrder(stack, tenant.adminToken, { title: 'Escalated', departmentId: support.id });
    const moved = await stack.http.post(`/api/v1/orders/${order.id}/transfer`, { departmentId: keyAccounts.id }, tenant.adminToken);
    expect(moved.status).toBe(200);
    const [applied] = await readEvents(
      AutomationAppliedV1.type,
      (event) => event.subject === order.id && event.data.ruleId === rule.id,
      SLOW,
    );
    expect(applied.data.trigger).toBe('order.transferred');
    expect(applied.data.actions.map((action: any) => [action.action, action.outcome])).toEqual([
      ['set-responsible', 'applied'],
      ['add-note', 'applied'],
    ]);
    expect((await stack.http.get(`/api/v1/orders/${order.id}`, tenant.adminToken)).body.responsibleId).toBe(kate.id);
    expect((await history(order.id)).map((entry) => [entry.kind, entry.actorId, entry.automation?.ruleId ?? null])).toEqual([
      ['status', tenant.adminId, null],
      ['transfer', tenant.adminId, null],
      ['responsible', null, rule.id],
    ]);

    // The Acme rule (order.created) transfers its ticket to Key accounts itself: that transfer starts no rule.
    const acmeTicket = await createOrder(stack, tenant.adminToken, {
      title: 'Acme fifth',
      departmentId: support.id,
      clientContactId: acmeContact.id,
    });
    await readEvents(OrderTransferredV1.type, (event) => event.subject === acmeTicket.id, SLOW);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const runs = await readEvents(AutomationAppliedV1.type, (event) => event.subject === acmeTicket.id, SLOW);
    expect(runs.map((event) => event.data.trigger)).toEqual(['order.created']);
    await stack.http.delete(`/api/v1/automations/${rule.id}`, tenant.adminToken);
  });

  it('an order.inbound-message rule acts when a client writes again on an open ticket, not on the message that opened it', async () => {
    const rule = await post('/api/v1/automations', {
      name: 'Client wrote back',
      trigger: 'order.inbound-message',
      conditions: {},
      actions: { note: 'The client wrote again' },
    });
    expect(rule.trigger).toBe('order.inbound-message');
    const channel = await post('/api/v1/channels', {
      kind: 'messenger',
      address: `bot-${tenant.slug}`,
      name: 'Bot',
      departmentId: support.id,
    });
    const from = { messengerId: `m-${Date.now()}`, name: 'Ivan Petrov' };
    await post(`/api/v1/channels/${channel.id}/inbound`, { messageId: 'first', from, text: 'My printer is broken' });
    const opened = (
      await readEvents(
        OrderCreatedV1.type,
        (event) => event.tenantid === tenant.tenantId && event.data.title === 'My printer is broken',
        SLOW,
      )
    )[0];
    const ticketId = opened.subject;
    // The opening message is order.created's: no run of this rule for it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(
      await readEvents(AutomationAppliedV1.type, (event) => event.subject === ticketId && event.data.ruleId === rule.id, { atLeast: 0 }),
    ).toEqual([]);

    await post(`/api/v1/channels/${channel.id}/inbound`, { messageId: 'second', from, text: 'Any news?' });
    const [applied] = await readEvents(
      AutomationAppliedV1.type,
      (event) => event.subject === ticketId && event.data.ruleId === rule.id,
      SLOW,
    );
    expect(applied.data.trigger).toBe('order.inbound-message');
    expect(applied.data.actions.map((action: any) => [action.action, action.outcome])).toEqual([['add-note', 'applied']]);
    const comments = (await stack.http.get(`/api/v1/orders/${ticketId}/comments`, tenant.adminToken)).body.items;
    expect(comments.map((comment: any) => [comment.visibility, comment.body])).toEqual(
      expect.arrayContaining([
        ['public', 'Any news?'],
        ['internal', 'The client wrote again'],
      ]),
    );
    // Its own internal note is no inbound message: the rule ran once.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(
      await readEvents(AutomationAppliedV1.type, (event) => event.subject === ticketId && event.data.ruleId === rule.id, { atLeast: 0 }),
    ).toHaveLength(1);
    await stack.http.delete(`/api/v1/automations/${rule.id}`, tenant.adminToken);
  });

  it('a channelIds rule acts on tickets that came in through its channel only; an order made by hand matches no channel', async () => {
    const helpMail = await post('/api/v1/channels', {
      kind: 'email',
      address: `help@${tenant.slug}.test`,
      name: 'Help mail',
      departmentId: support.id,
    });
    const salesMail = await post('/api/v1/channels', {
      kind: 'email',
      address: `sales@${tenant.slug}.test`,
      name: 'Sales mail',
      departmentId: support.id,
    });
    const rule = await post('/api/v1/automations', {
      name: 'Help mail note',
      trigger: 'order.created',
      conditions: { channelIds: [helpMail.id] },
      actions: { note: 'Came in through the help address' },
    });
    expect(rule.conditions).toEqual({ channelIds: [helpMail.id] });

    async function inboundTicket(channelId: string, messageId: string): Promise<string> {
      const received = await post(`/api/v1/channels/${channelId}/inbound`, {
        messageId,
        from: { email: `${messageId}@client.test` },
        subject: `Question ${messageId}`,
        text: 'Hello',
      });
      const [created] = await readEvents(OrderCreatedV1.type, (event) => event.data.inboundMessageId === received.inboundMessageId, SLOW);
      return created.data.orderId;
    }
    const helpTicket = await inboundTicket(helpMail.id, 'help-1');
    const salesTicket = await inboundTicket(salesMail.id, 'sales-1');
    const byHand = await createOrder(stack, tenant.adminToken, { title: 'Typed in by hand', departmentId: support.id });
    expect((await stack.http.get(`/api/v1/orders/${helpTicket}`, tenant.adminToken)).body.channelId).toBe(helpMail.id);
    expect(byHand.channelId).toBeNull();

    const [applied] = await readEvents(
      AutomationAppliedV1.type,
      (event) => event.subject === helpTicket && event.data.ruleId === rule.id,
      SLOW,
    );
    expect(applied.data.actions).toEqual([expect.objectContaining({ action: 'add-note', outcome: 'applied' })]);
    expect((await stack.http.get(`/api/v1/orders/${helpTicket}/comments`, tenant.adminToken)).body.items).toEqual([
      expect.objectContaining({ body: 'Came in through the help address', automationRuleId: rule.id }),
    ]);

    // The dry run judges the same condition: held for the help ticket, not for the other two, which got no note.
    const dry = async (orderId: string): Promise<any> =>
      (await stack.http.post(`/api/v1/automations/${rule.id}/dry-run`, { orderId }, tenant.adminToken)).body;
    expect(await dry(helpTicket)).toMatchObject({ matched: true, conditions: [{ condition: 'channelIds', holds: true }] });
    expect(await dry(salesTicket)).toMatchObject({ matched: false, actions: [], conditions: [{ condition: 'channelIds', holds: false }] });
    expect(await dry(byHand.id)).toMatchObject({
      matched: false,
      conditions: [{ condition: 'channelIds', holds: false, detail: "The order's channel none is not one of the rule's" }],
    });
    await readEvents(OrderCreatedV1.type, (event) => event.data.orderId === byHand.id, SLOW);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const runs = await readEvents(AutomationAppliedV1.type, (event) => event.data.ruleId === rule.id, SLOW);
    expect(runs.map((event) => event.subject)).toEqual([helpTicket]);
    await stack.http.delete(`/api/v1/automations/${rule.id}`, tenant.adminToken);
  });

  it('a contactFields rule tests the client contact as the directory has it when the rule runs', async () => {
    const vip = await post('/api/v1/contacts', {
      lastName: 'Boss',
      firstName: 'Big',
      email: `boss@vip-${tenant.slug}.test`,
      responsibleEmployeeId: kate.id,
    });
    const rule = await post('/api/v1/automations', {
      name: 'VIP note',
      trigger: 'order.created',
      conditions: {
        contactFields: [
          { field: 'email', operator: 'contains', value: ' @VIP- ' },
          { field: 'responsibleEmployeeId', operator: 'equals', value: kate.id.toUpperCase() },
          { field: 'phone', operator: 'absent' },
        ],
      },
      actions: { note: 'VIP client: answer first' },
    });
    // Trimmed, ids lower-cased; the text keeps its case and compares without it.
    expect(rule.conditions.contactFields).toEqual([
      { field: 'email', operator: 'contains', value: '@VIP-' },
      { field: 'responsibleEmployeeId', operator: 'equals', value: kate.id },
      { field: 'phone', operator: 'absent' },
    ]);

    const vipTicket = await createOrder(stack, tenant.adminToken, { title: 'VIP asks', clientContactId: vip.id });
    const plainTicket = await createOrder(stack, tenant.adminToken, { title: 'Globex asks again', clientContactId: globexContact.id });
    const noContact = await createOrder(stack, tenant.adminToken, { title: 'Walk-in' });
    const [applied] = await readEvents(
      AutomationAppliedV1.type,
      (event) => event.subject === vipTicket.id && event.data.ruleId === rule.id,
      SLOW,
    );
    expect(applied.data.actions).toEqual([expect.objectContaining({ action: 'add-note', outcome: 'applied' })]);
    expect((await stack.http.get(`/api/v1/orders/${vipTicket.id}/comments`, tenant.adminToken)).body.items).toEqual([
      expect.objectContaining({ body: 'VIP client: answer first', automationRuleId: rule.id }),
    ]);

    const dry = async (orderId: string): Promise<any> =>
      (await stack.http.post(`/api/v1/automations/${rule.id}/dry-run`, { orderId }, tenant.adminToken)).body;
    expect((await dry(vipTicket.id)).conditions.map((result: any) => [result.condition, result.holds])).toEqual([
      ['contactFields', true],
      ['contactFields', true],
      ['contactFields', true],
    ]);
    const plain = await dry(plainTicket.id);
    expect(plain).toMatchObject({ matched: false, actions: [] });
    expect(plain.conditions[0]).toEqual({
      condition: 'contactFields',
      holds: false,
      detail: `The client contact's email '${globexContact.email}' fails the test email contains '@VIP-'`,
    });
    expect((await dry(noContact.id)).conditions[2]).toEqual({
      condition: 'contactFields',
      holds: false,
      detail: 'The order has no client contact to test (phone absent)',
    });

    // The contact is read when the rule runs: with a phone now, the next ticket fails `phone absent`.
    const phoned = await stack.http.patch(`/api/v1/contacts/${vip.id}`, { phone: '+1 555 0100' }, tenant.adminToken);
    expect(phoned.status).toBe(200);
    const later = await createOrder(stack, tenant.adminToken, { title: 'VIP asks again', clientContactId: vip.id });
    await readEvents(OrderCreatedV1.type, (event) => event.data.orderId === later.id, SLOW);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const runs = await readEvents(AutomationAppliedV1.type, (event) => event.data.ruleId === rule.id, SLOW);
    expect(runs.map((event) => event.subject)).toEqual([vipTicket.id]);
    expect((await dry(later.id)).conditions[2]).toMatchObject({ holds: false, detail: expect.stringContaining("phone '+1 555 0100'") });
    await stack.http.delete(`/api/v1/automations/${rule.id}`, tenant.adminToken);
  });

  it('a rule adds the tag key-account to Acme tickets carrying one of its tags, recorded with its id; the dry run shows it', async () => {
    const rule = await post('/api/v1/automations', {
      name: 'Tag Acme VIPs',
      trigger: 'order.created',
      conditions: { clientCompanyIds: [acme.id], tags: ['VIP', 'urgent', ' vip '] },
      actions: { tag: ' Key-Account ' },
    });
    // Normalised as an order's tags are, so the condition compares equal.
    expect(rule.conditions).toEqual({ clientCompanyIds: [acme.id], tags: ['urgent', 'vip'] });
    expect(rule.actions).toEqual({ tag: 'key-account' });

    const acmeTicket = { departmentId: support.id, clientContactId: acmeContact.id };
    const vipTicket = await createOrder(stack, tenant.adminToken, { title: 'Acme VIP', ...acmeTicket, tags: ['VIP', 'printer'] });
    const plainTicket = await createOrder(stack, tenant.adminToken, { title: 'Acme plain', ...acmeTicket, tags: ['printer'] });
    const globexTicket = await createOrder(stack, tenant.adminToken, {
      title: 'Globex urgent',
      clientContactId: globexContact.id,
      tags: ['urgent'],
    });

    const [applied] = await readEvents(
      AutomationAppliedV1.type,
      (event) => event.subject === vipTicket.id && event.data.ruleId === rule.id,
      SLOW,
    );
    expect(applied.data.actions).toEqual([
      expect.objectContaining({ action: 'add-tag', outcome: 'applied', value: 'key-account', code: expect.stringMatching(/^ALLOWED/) }),
    ]);
    expect((await stack.http.get(`/api/v1/orders/${vipTicket.id}`, tenant.adminToken)).body.tags).toEqual([
      'key-account',
      'printer',
      'vip',
    ]);
    const entry = (await history(vipTicket.id)).find((candidate) => candidate.automation?.ruleId === rule.id);
    expect(entry).toMatchObject({
      kind: 'tags',
      actorId: null,
      tags: { added: ['key-account'], removed: [] },
      automation: { ruleId: rule.id, note: null },
      decision: { code: expect.stringMatching(/^ALLOWED/) },
    });
    const [tagged] = await readEvents(OrderTagsChangedV1.type, (event) => event.subject === vipTicket.id, SLOW);
    expect(tagged.data).toMatchObject({
      tags: ['key-account', 'printer', 'vip'],
      added: ['key-account'],
      removed: [],
      actorId: null,
      automationRuleId: rule.id,
    });

    // The dry run judges the same condition and action: the VIP ticket has the tag now, the plain one has none of the rule's.
    const dry = async (orderId: string): Promise<any> =>
      (await stack.http.post(`/api/v1/automations/${rule.id}/dry-run`, { orderId }, tenant.adminToken)).body;
    expect(await dry(vipTicket.id)).toMatchObject({
      matched: true,
      conditions: [
        { condition: 'clientCompanyIds', holds: true },
        { condition: 'tags', holds: true, detail: "The order has the rule's tag 'vip'" },
      ],
      actions: [{ action: 'add-tag', outcome: 'unchanged', value: 'key-account' }],
    });
    expect(await dry(plainTicket.id)).toMatchObject({
      matched: false,
      actions: [],
      conditions: [
        { condition: 'clientCompanyIds', holds: true },
        { condition: 'tags', holds: false, detail: "The order's tags ('printer') are none of the rule's ('urgent', 'vip')" },
      ],
    });
    // Tagged urgent by hand (no trigger of its own), the plain ticket is one the rule would tag.
    const urgent = await stack.http.patch(`/api/v1/orders/${plainTicket.id}`, { tags: ['printer', 'urgent'] }, tenant.adminToken);
    expect(urgent.status).toBe(200);
    expect((await dry(plainTicket.id)).actions).toEqual([
      expect.objectContaining({ action: 'add-tag', outcome: 'applied', value: 'key-account' }),
    ]);
    expect((await stack.http.get(`/api/v1/orders/${plainTicket.id}`, tenant.adminToken)).body.tags).toEqual(['printer', 'urgent']);

    // Only the VIP ticket ran the rule: the plain one had none of its tags, the Globex one is another company's.
    await readEvents(OrderCreatedV1.type, (event) => event.data.orderId === globexTicket.id, SLOW);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const runs = await readEvents(AutomationAppliedV1.type, (event) => event.data.ruleId === rule.id, SLOW);
    expect(runs.map((event) => event.subject)).toEqual([vipTicket.id]);
    await stack.http.delete(`/api/v1/automations/${rule.id}`, tenant.adminToken);
  });
});
