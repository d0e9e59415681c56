import { randomUUID } from 'node:crypto';
import { Stack } from './support/stack';
import { createOrder, createOrdersTenant, moveOrder, setLevels, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

describe('orders: every level against every check, caching, isolation, concurrency, bad input', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let employee: Person;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'acc');
    employee = await signedInEmployee(stack, tenant);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** An order put into `status` by the administrator. */
  async function orderIn(status: string): Promise<any> {
    const order = await createOrder(stack, tenant.adminToken, { title: `In ${status}` });
    if (status === 'New lead') return order;
    const moved = await moveOrder(stack, tenant.adminToken, order.id, tenant.status[status]!);
    if (moved.status !== 200) throw new Error(`move: ${moved.status} ${JSON.stringify(moved.body)}`);
    return moved.body;
  }

  // Level on Diagnostics × check: each row changes the level and asserts on the very next request,
  // so every row is also a cache-invalidation test (the previous row's decisions were cached).
  const table: Array<{
    level: 'none' | 'view' | 'set';
    read: number;
    listed: boolean;
    setInto: number | string;
    moveOut: number | string;
  }> = [
    { level: 'none', read: 404, listed: false, setInto: 'STATUS.NO_SET_ON_TARGET', moveOut: 404 },
    { level: 'view', read: 200, listed: true, setInto: 'STATUS.NO_SET_ON_TARGET', moveOut: 200 },
    { level: 'set', read: 200, listed: true, setInto: 200, moveOut: 200 },
    { level: 'none', read: 404, listed: false, setInto: 'STATUS.NO_SET_ON_TARGET', moveOut: 404 },
  ];

  it.each(table)('level $level on a status: read $read, set into it $setInto, move out of it $moveOut', async (row) => {
    const inDiagnostics = await orderIn('Diagnostics');
    const inNew = await orderIn('New');
    // Warm the cache with the decisions of the previous level.
    await stack.http.get(`/api/v1/orders/${inDiagnostics.id}`, employee.token);
    await setLevels(stack, tenant, employee.id, { Diagnostics: row.level });

    const read = await stack.http.get(`/api/v1/orders/${inDiagnostics.id}`, employee.token);
    expect(read.status).toBe(row.read);
    const list = await stack.http.get(`/api/v1/orders?status=${tenant.status.Diagnostics}&limit=100`, employee.token);
    expect(list.body.items.some((o: any) => o.id === inDiagnostics.id)).toBe(row.listed);
    expect(list.body.total > 0).toBe(row.listed);

    const setInto = await moveOrder(stack, employee.token, inNew.id, tenant.status.Diagnostics);
    if (typeof row.setInto === 'number') expect(setInto.status).toBe(row.setInto);
    else expect([setInto.status, setInto.body.code]).toEqual([403, row.setInto]);

    const moveOut = await moveOrder(stack, employee.token, inDiagnostics.id, tenant.status['In repair']!);
    expect(moveOut.status).toBe(row.moveOut);
  });

  it('a group level applies to its members on the next request; a personal override beats it', async () => {
    const order = await orderIn('Waiting for parts');
    await setLevels(stack, tenant, employee.id, { Diagnostics: null });
    expect((await stack.http.get(`/api/v1/orders/${order.id}`, employee.token)).status).toBe(200);
    const groups = await stack.http.get('/api/v1/groups', tenant.adminToken);
    const employees = groups.body.find((g: any) => g.systemKey === 'employee');

    const hide = await stack.http.put(
      `/api/v1/groups/${employees.id}/status-access`,
      { levels: [{ statusId: tenant.status['Waiting for parts'], level: 'none' }] },
      tenant.adminToken,
    );
    expect(hide.status).toBe(200);
    const level = hide.body.workflows[0].statuses.find((s: any) => s.name === 'Waiting for parts');
    expect(level).toMatchObject({ level: 'none', explicit: true });
    expect((await stack.http.get(`/api/v1/orders/${order.id}`, employee.token)).status).toBe(404);

    await setLevels(stack, tenant, employee.id, { 'Waiting for parts': 'view' });
    expect((await stack.http.get(`/api/v1/orders/${order.id}`, employee.token)).status).toBe(200);

    const restore = await stack.http.put(
      `/api/v1/groups/${employees.id}/status-access`,
      { levels: [{ statusId: tenant.status['Waiting for parts'], level: null }] },
      tenant.adminToken,
    );
    expect(restore.body.workflows[0].statuses.find((s: any) => s.name === 'Waiting for parts')).toMatchObject({
      level: 'set',
      explicit: false,
    });
    await setLevels(stack, tenant, employee.id, { 'Waiting for parts': null });
    const group = await stack.http.get(`/api/v1/groups/${employees.id}/status-access`, tenant.adminToken);
    expect(group.status).toBe(200);
    expect(group.body.workflows[0].statuses.map((s: any) => s.level)).toEqual([
      'set',
      'set',
      'set',
      'set',
      'set',
      'set',
      'set',
      'view',
      'view',
    ]);
  });

  it('a stale version is refused with 409 (body or If-Match) and nothing changes', async () => {
    const order = await orderIn('New');
    const stale = await moveOrder(stack, tenant.adminToken, order.id, tenant.status.Diagnostics, order.version - 1);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'ORDER.VERSION_MISMATCH', currentVersion: order.version });
    const staleHeader = await stack.http.post(
      `/api/v1/orders/${order.id}/status`,
      { statusId: tenant.status.Diagnostics },
      tenant.adminToken,
      { 'if-match': `"${order.version - 1}"` },
    );
    expect(staleHeader.status).toBe(409);
    const stalePatch = await stack.http.patch(`/api/v1/orders/${order.id}`, { title: 'x', version: 1 }, tenant.adminToken);
    expect(stalePatch.status).toBe(409);
    const unchanged = await stack.http.get(`/api/v1/orders/${order.id}`, tenant.adminToken);
    expect(unchanged.body).toMatchObject({ version: order.version, title: order.title, status: { name: 'New' } });
    expect(unchanged.headers.get('etag')).toBe(`"${order.version}"`);

    const fresh = await stack.http.post(`/api/v1/orders/${order.id}/status`, { statusId: tenant.status.Diagnostics }, tenant.adminToken, {
      'if-match': `"${order.version}"`,
    });
    expect(fresh.status).toBe(200);
    const patched = await stack.http.patch(
      `/api/v1/orders/${order.id}`,
      { title: '  Renamed ', clientRef: 'client-7', version: fresh.body.version },
      tenant.adminToken,
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'Renamed', clientRef: 'client-7', version: fresh.body.version + 1 });
  });

  it('bad input gets a 422 naming the field, and nothing is written', async () => {
    const order = await orderIn('New');
    const unknown = await moveOrder(stack, tenant.adminToken, order.id, randomUUID());
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'STATUS.UNKNOWN', errors: [{ field: 'statusId' }] });
    const malformed = await moveOrder(stack, tenant.adminToken, order.id, 'not-a-status');
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors[0].field).toBe('statusId');

    const other = await stack.http.post(
      '/api/v1/workflows',
      {
        name: 'Warranty',
        kind: 'order',
        statuses: [
          { name: 'Received', category: 'initial' },
          { name: 'Done', category: 'final' },
        ],
      },
      tenant.adminToken,
    );
    expect(other.status).toBe(201);
    const foreign = await moveOrder(stack, tenant.adminToken, order.id, other.body.statuses[1].id);
    expect(foreign.status).toBe(422);
    expect(foreign.body.code).toBe('STATUS.UNKNOWN');
    const createdElsewhere = await stack.http.post(
      '/api/v1/orders',
      { title: 'x', workflowId: other.body.id, statusId: tenant.status.New },
      tenant.adminToken,
    );
    expect(createdElsewhere.status).toBe(422);
    expect(createdElsewhere.body.errors[0].field).toBe('statusId');

    const emptyTitle = await stack.http.post('/api/v1/orders', { title: '   ' }, tenant.adminToken);
    expect(emptyTitle.status).toBe(422);
    expect(emptyTitle.body.errors[0].field).toBe('title');
    const unknownField = await stack.http.post('/api/v1/orders', { title: 'ok', number: 5 }, tenant.adminToken);
    expect(unknownField.status).toBe(422);

    const badLevel = await stack.http.put(
      `/api/v1/staff/${employee.id}/status-access`,
      { levels: [{ statusId: tenant.status.New, level: 'edit' }] },
      tenant.adminToken,
    );
    expect(badLevel.status).toBe(422);
    expect(badLevel.body.errors[0].field).toBe('levels.0.level');
    const unknownStatus = await stack.http.put(
      `/api/v1/staff/${employee.id}/status-access`,
      { levels: [{ statusId: randomUUID(), level: 'view' }] },
      tenant.adminToken,
    );
    expect(unknownStatus.status).toBe(422);
    expect(unknownStatus.body).toMatchObject({ code: 'STATUS.UNKNOWN', errors: [{ field: 'levels.0.statusId' }] });

    const history = await stack.http.get(`/api/v1/orders/${order.id}/history`, tenant.adminToken);
    expect(history.body).toHaveLength(2);
    expect((await stack.http.get(`/api/v1/orders/${randomUUID()}`, tenant.adminToken)).status).toBe(404);
    expect((await stack.http.get('/api/v1/orders/not-an-id', tenant.adminToken)).status).toBe(404);
    expect((await stack.http.get('/api/v1/orders?limit=1000', tenant.adminToken)).status).toBe(422);
    expect((await stack.http.get('/api/v1/orders?cursor=garbage', tenant.adminToken)).status).toBe(422);
  });

  it('pages with a cursor; the total counts the whole filtered set', async () => {
    const fresh = await createOrdersTenant(stack, 'page');
    for (let i = 0; i < 5; i += 1) await createOrder(stack, fresh.adminToken, { title: `Order ${i}` });
    const first = await stack.http.get('/api/v1/orders?limit=2', fresh.adminToken);
    expect(first.body.items.map((o: any) => o.number)).toEqual([5, 4]);
    expect(first.body.total).toBe(5);
    const second = await stack.http.get(`/api/v1/orders?limit=2&cursor=${first.body.nextCursor}`, fresh.adminToken);
    expect(second.body.items.map((o: any) => o.number)).toEqual([3, 2]);
    const third = await stack.http.get(`/api/v1/orders?limit=2&cursor=${second.body.nextCursor}`, fresh.adminToken);
    expect(third.body).toMatchObject({ nextCursor: null, total: 5 });
    expect(third.body.items.map((o: any) => o.number)).toEqual([1]);
  });

  it('tenants are isolated: orders, statuses and people of another tenant do not exist', async () => {
    const other = await createOrdersTenant(stack, 'iso');
    const mine = await orderIn('New');
    const theirs = await createOrder(stack, other.adminToken, { title: 'Other tenant order' });
    expect(theirs.number).toBe(1);
    expect((await stack.http.get(`/api/v1/orders/${mine.id}`, other.adminToken)).status).toBe(404);
    expect((await moveOrder(stack, other.adminToken, mine.id, other.status.Diagnostics)).status).toBe(404);
    expect((await stack.http.patch(`/api/v1/orders/${mine.id}`, { title: 'hijack' }, other.adminToken)).status).toBe(404);
    const list = await stack.http.get('/api/v1/orders', other.adminToken);
    expect(list.body.items.map((o: any) => o.id)).toEqual([theirs.id]);
    expect(list.body.total).toBe(1);
    const crossStatus = await moveOrder(stack, other.adminToken, theirs.id, tenant.status.Diagnostics);
    expect(crossStatus.status).toBe(422);
    expect((await stack.http.get(`/api/v1/workflows/${tenant.workflowId}`, other.adminToken)).status).toBe(404);
    expect((await stack.http.get(`/api/v1/staff/${employee.id}/status-access`, other.adminToken)).status).toBe(404);
    const crossLevel = await stack.http.put(
      `/api/v1/staff/${other.adminId}/status-access`,
      { levels: [{ statusId: tenant.status.New, level: 'none' }] },
      other.adminToken,
    );
    expect(crossLevel.status).toBe(422);
  });

  it('workflows: add, rename, reorder, archive; a status in use cannot be deleted; only managers change them', async () => {
    const fresh = await createOrdersTenant(stack, 'wf');
    const workflow = (await stack.http.get(`/api/v1/workflows/${fresh.workflowId}`, fresh.adminToken)).body;
    expect(workflow).toMatchObject({ name: 'Orders', kind: 'order', free: true });
    const order = await createOrder(stack, fresh.adminToken);
    const statuses = workflow.statuses.map((s: any) => ({ id: s.id, name: s.name, color: s.color, category: s.category }));

    const withoutNewLead = statuses.filter((s: any) => s.name !== 'New lead');
    const inUse = await stack.http.patch(`/api/v1/workflows/${fresh.workflowId}`, { statuses: withoutNewLead }, fresh.adminToken);
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('STATUS.IN_USE');

    const reordered = [...statuses].reverse().map((s: any) => (s.name === 'Cancelled' ? { ...s, name: 'Refused', color: '#000000' } : s));
    reordered.push({ name: 'Awaiting payment', category: 'active' });
    const changed = await stack.http.patch(
      `/api/v1/workflows/${fresh.workflowId}`,
      { name: 'Repairs', statuses: reordered.filter((s: any) => s.name !== 'Contacted') },
      fresh.adminToken,
    );
    expect(changed.status).toBe(200);
    expect(changed.body.name).toBe('Repairs');
    expect(changed.body.statuses.map((s: any) => s.name)).toEqual([
      'Refused',
      'Closed',
      'Ready',
      'In repair',
      'Waiting for parts',
      'Diagnostics',
      'New',
      'New lead',
      'Awaiting payment',
    ]);
    const archived = await stack.http.patch(
      `/api/v1/workflows/${fresh.workflowId}`,
      {
        statuses: changed.body.statuses.map((s: any) => ({
          id: s.id,
          name: s.name,
          category: s.category,
          archived: s.name === 'New lead',
        })),
      },
      fresh.adminToken,
    );
    expect(archived.status).toBe(200);
    expect(archived.body.statuses.find((s: any) => s.name === 'New lead').archived).toBe(true);
    // The order keeps its archived status; no order can be put into it any more.
    expect((await stack.http.get(`/api/v1/orders/${order.id}`, fresh.adminToken)).body.status.name).toBe('New lead');
    const created = await createOrder(stack, fresh.adminToken);
    expect(created.status.name).toBe('New');

    const duplicate = await stack.http.post(
      '/api/v1/workflows',
      {
        name: 'Dup',
        kind: 'order',
        statuses: [
          { name: 'A', category: 'initial' },
          { name: 'a', category: 'final' },
        ],
      },
      fresh.adminToken,
    );
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.errors[0].field).toBe('statuses.1.name');
    const badCategory = await stack.http.post(
      '/api/v1/workflows',
      { name: 'Bad', kind: 'order', statuses: [{ name: 'A', category: 'open' }] },
      fresh.adminToken,
    );
    expect(badCategory.status).toBe(422);
    expect(badCategory.body.errors[0].field).toBe('statuses.0.category');

    const worker = await signedInEmployee(stack, fresh);
    expect((await stack.http.get('/api/v1/workflows', worker.token)).status).toBe(200);
    const refused = await stack.http.post(
      '/api/v1/workflows',
      { name: 'Mine', kind: 'order', statuses: [{ name: 'A', category: 'initial' }] },
      worker.token,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('RIGHT.NOT_GRANTED');
  });
});
