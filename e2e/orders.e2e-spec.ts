import { OrderCreatedV1, OrderStatusChangedV1 } from '@warden/contracts';
import { readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { admin, createOrder, createOrdersTenant, moveOrder, setLevels, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

/**
 * The per-status levels of docs/rules.md#orders as three people of a repair shop see them over
 * HTTP: a manager who works leads, a master who sees only orders ready for work, and the
 * administrator who alone closes orders.
 */
describe('orders: the repair-shop story (per-status access levels)', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let manager: Person;
  let master: Person;
  let boss: Person;
  let lead: any;
  let repair: any;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'story');
    boss = admin(tenant);
    manager = await signedInEmployee(stack, tenant, { firstName: 'Maria', position: 'Manager' });
    master = await signedInEmployee(stack, tenant, { firstName: 'Oleg', position: 'Master' });
    // The manager works leads; the workshop stages are only visible to them.
    await setLevels(stack, tenant, manager.id, { Diagnostics: 'view', 'Waiting for parts': 'view', 'In repair': 'view', Ready: 'view' });
    // The master sees new orders ready for work and works them; leads and closed orders do not exist for them.
    await setLevels(stack, tenant, master.id, { 'New lead': 'none', Contacted: 'none', New: 'view', Closed: 'none', Cancelled: 'none' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('the employee card shows a level for every status, with where it comes from', async () => {
    const card = await stack.http.get(`/api/v1/staff/${master.id}/status-access`, tenant.adminToken);
    expect(card.status).toBe(200);
    expect(card.body.mayChangeClosed).toBe(false);
    const levels = Object.fromEntries(card.body.workflows[0].statuses.map((s: any) => [s.name, [s.level, s.source]]));
    expect(levels).toEqual({
      'New lead': ['none', 'person'],
      Contacted: ['none', 'person'],
      New: ['view', 'person'],
      Diagnostics: ['set', 'default'],
      'Waiting for parts': ['set', 'default'],
      'In repair': ['set', 'default'],
      Ready: ['set', 'default'],
      Closed: ['none', 'person'],
      Cancelled: ['none', 'person'],
    });
    const own = await stack.http.get(`/api/v1/staff/${master.id}/status-access`, master.token);
    expect(own.status).toBe(403);
  });

  it('the manager creates leads and moves them through the lead statuses', async () => {
    lead = await createOrder(stack, manager.token, { title: 'Lead: laptop does not boot' });
    expect(lead).toMatchObject({ number: 1, status: { name: 'New lead', category: 'initial' }, version: 1, closedAt: null });
    const contacted = await moveOrder(stack, manager.token, lead.id, tenant.status.Contacted);
    expect(contacted.status).toBe(200);
    expect(contacted.body).toMatchObject({ status: { name: 'Contacted' }, version: 2 });
    expect(contacted.headers.get('etag')).toBe('"2"');
    lead = contacted.body;

    repair = await createOrder(stack, manager.token, { title: 'Customer came in: iPhone screen' });
    expect(repair.number).toBe(2);
    const accepted = await moveOrder(stack, manager.token, repair.id, tenant.status.New, repair.version);
    expect(accepted.status).toBe(200);
    repair = accepted.body;
  });

  it('the manager cannot put an order into a workshop stage (view only), and is told why', async () => {
    const refused = await moveOrder(stack, manager.token, lead.id, tenant.status.Diagnostics);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'STATUS.NO_SET_ON_TARGET' });
    expect(refused.body.detail).toContain('Diagnostics');
  });

  it('the master sees only orders ready for work: lists, counts, search and reads agree', async () => {
    const masters = await stack.http.get('/api/v1/orders', master.token);
    expect(masters.status).toBe(200);
    expect(masters.body.items.map((o: any) => o.number)).toEqual([2]);
    expect(masters.body.total).toBe(1);
    const managers = await stack.http.get('/api/v1/orders', manager.token);
    expect(managers.body.items.map((o: any) => o.number)).toEqual([2, 1]);
    expect(managers.body.total).toBe(2);

    const byNumber = await stack.http.get('/api/v1/orders?search=1', master.token);
    expect(byNumber.body).toMatchObject({ items: [], total: 0 });
    const byTitle = await stack.http.get('/api/v1/orders?search=laptop', manager.token);
    expect(byTitle.body.items.map((o: any) => o.id)).toEqual([lead.id]);
    const filtered = await stack.http.get(`/api/v1/orders?status=${tenant.status.Contacted}`, master.token);
    expect(filtered.body).toMatchObject({ items: [], total: 0 });

    for (const path of [`/api/v1/orders/${lead.id}`, `/api/v1/orders/${lead.id}/history`, `/api/v1/orders/${lead.id}/transitions`]) {
      const hidden = await stack.http.get(path, master.token);
      expect(hidden.status).toBe(404);
      expect(hidden.body.code).toBe('ORDER.NOT_FOUND');
    }
    const hiddenMove = await moveOrder(stack, master.token, lead.id, tenant.status.Diagnostics);
    expect(hiddenMove.status).toBe(404);
    expect((await stack.http.get(`/api/v1/orders/${repair.id}`, master.token)).status).toBe(200);
  });

  it('the master works the order but cannot close it; only the administrator closes', async () => {
    for (const stage of ['Diagnostics', 'In repair', 'Ready']) {
      const moved = await moveOrder(stack, master.token, repair.id, tenant.status[stage]!);
      expect(moved.status).toBe(200);
      repair = moved.body;
    }
    const byMaster = await moveOrder(stack, master.token, repair.id, tenant.status.Closed);
    expect(byMaster.status).toBe(403);
    expect(byMaster.body.code).toBe('STATUS.NO_SET_ON_TARGET');
    const byManager = await moveOrder(stack, manager.token, repair.id, tenant.status.Closed);
    expect(byManager.status).toBe(403);
    expect(byManager.body.code).toBe('STATUS.NO_SET_ON_TARGET');

    const closed = await moveOrder(stack, boss.token, repair.id, tenant.status.Closed, repair.version);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toMatchObject({ name: 'Closed', category: 'final' });
    expect(closed.body.closedAt).not.toBeNull();
    repair = closed.body;
    // Closed orders do not exist for the master any more.
    expect((await stack.http.get(`/api/v1/orders/${repair.id}`, master.token)).status).toBe(404);
    expect((await stack.http.get('/api/v1/orders', master.token)).body.total).toBe(0);
  });

  it('an employee without the may-change-closed flag cannot reopen; the order and its history stay as they were', async () => {
    const historyBefore = (await stack.http.get(`/api/v1/orders/${repair.id}/history`, manager.token)).body;
    const refused = await moveOrder(stack, manager.token, repair.id, tenant.status.New);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ORDER.CLOSED_LOCKED');
    const after = await stack.http.get(`/api/v1/orders/${repair.id}`, manager.token);
    expect(after.body).toMatchObject({ version: repair.version, status: { name: 'Closed' } });
    expect((await stack.http.get(`/api/v1/orders/${repair.id}/history`, manager.token)).body).toEqual(historyBefore);

    const transitions = await stack.http.get(`/api/v1/orders/${repair.id}/transitions`, manager.token);
    expect(transitions.status).toBe(200);
    const byName = Object.fromEntries(transitions.body.transitions.map((t: any) => [t.name, t]));
    expect(byName.Closed).toMatchObject({ current: true, allowed: false });
    expect(byName.New).toMatchObject({ allowed: false, code: 'ORDER.CLOSED_LOCKED' });

    // Granting the flag takes effect on the very next request.
    await setLevels(stack, tenant, manager.id, {}, true);
    const reopened = await moveOrder(stack, manager.token, repair.id, tenant.status.New);
    expect(reopened.status).toBe(200);
    expect(reopened.body.closedAt).toBeNull();
    repair = reopened.body;
  });

  it('transitions explain every status for the person asking', async () => {
    const response = await stack.http.get(`/api/v1/orders/${lead.id}/transitions`, manager.token);
    expect(response.status).toBe(200);
    expect(response.body.transitions.map((t: any) => t.name)).toEqual([
      'New lead',
      'Contacted',
      'New',
      'Diagnostics',
      'Waiting for parts',
      'In repair',
      'Ready',
      'Closed',
      'Cancelled',
    ]);
    const verdicts = Object.fromEntries(response.body.transitions.map((t: any) => [t.name, t.allowed ? 'allowed' : t.code]));
    expect(verdicts).toEqual({
      'New lead': 'allowed',
      Contacted: 'ORDER.ALREADY_IN_STATUS',
      New: 'allowed',
      Diagnostics: 'STATUS.NO_SET_ON_TARGET',
      'Waiting for parts': 'STATUS.NO_SET_ON_TARGET',
      'In repair': 'STATUS.NO_SET_ON_TARGET',
      Ready: 'STATUS.NO_SET_ON_TARGET',
      Closed: 'STATUS.NO_SET_ON_TARGET',
      Cancelled: 'STATUS.NO_SET_ON_TARGET',
    });
  });

  it('explain shows the chain of rules behind an order decision', async () => {
    const resource = encodeURIComponent(
      JSON.stringify({ type: 'order', statusId: tenant.status.Closed, targetStatusId: tenant.status.New }),
    );
    const response = await stack.http.get(
      `/api/v1/permissions/explain?personId=${master.id}&action=orders.update&resource=${resource}`,
      tenant.adminToken,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ allowed: false, code: 'STATUS.NOT_VISIBLE' });
    const rules = response.body.steps.map((step: any) => `${step.rule}:${step.effect}`);
    expect(rules).toEqual(expect.arrayContaining(['status.current.view:deny', 'status.closed-order:deny', 'status.target.set:deny']));
  });

  it('history records every change with who, when and the decision with its policy version', async () => {
    const history = await stack.http.get(`/api/v1/orders/${repair.id}/history`, boss.token);
    expect(history.status).toBe(200);
    expect(history.body.map((h: any) => [h.from?.name ?? null, h.to.name])).toEqual([
      [null, 'New lead'],
      ['New lead', 'New'],
      ['New', 'Diagnostics'],
      ['Diagnostics', 'In repair'],
      ['In repair', 'Ready'],
      ['Ready', 'Closed'],
      ['Closed', 'New'],
    ]);
    const closing = history.body[5];
    expect(closing.actorId).toBe(boss.id);
    expect(closing.decision).toMatchObject({ code: 'ALLOWED.STATUS_SET', policyVersion: expect.any(Number) });
    expect(closing.decision.policyVersion).toBeGreaterThan(0);
  });

  it('publishes order.created and order.status-changed CloudEvents for each change', async () => {
    const created = await readEvents(OrderCreatedV1.type, (event) => event.data.orderId === repair.id);
    expect(created[0]).toMatchObject({ tenantid: tenant.tenantId, subject: repair.id, data: { number: 2, status: { name: 'New lead' } } });
    const changes = await readEvents(OrderStatusChangedV1.type, (event) => event.data.orderId === repair.id, { atLeast: 6 });
    expect(changes.map((event) => `${event.data.from.name}->${event.data.to.name}`)).toEqual([
      'New lead->New',
      'New->Diagnostics',
      'Diagnostics->In repair',
      'In repair->Ready',
      'Ready->Closed',
      'Closed->New',
    ]);
    const closing = changes[4]!;
    expect(closing).toMatchObject({
      specversion: '1.0',
      type: 'workflow.order.status-changed.v1',
      source: '/warden/workflow',
      tenantid: tenant.tenantId,
      data: { orderId: repair.id, number: 2, actorId: boss.id, to: { id: tenant.status.Closed, name: 'Closed' } },
    });
    expect(closing.data.policyVersion).toBeGreaterThan(0);
  });
});
