import { Stack } from './support/stack';
import { createOrder, createOrdersTenant, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

jest.setTimeout(60_000);

const NOTHING = { total: 0, byStatus: [], sample: [] };
const MISSING = '01900000-0000-7000-8000-000000000000';

/**
 * Previews of group, membership and personal-right changes: the support desk keeps two tickets in a
 * department the master is not in (both still "New lead"). Joining a group with `departments.all`, that group losing the
 * right, or a personal grant must predict exactly the tickets the master then gains or loses and the
 * rights it then has (GET /staff/{id}/rights), and change nothing themselves.
 */
describe('permissions: preview of group, membership and personal-right changes', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let master: Person;
  let heads: any;
  let tickets: string[];

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'prg');
    master = await signedInEmployee(stack, tenant);
    const support = await stack.http.postExpecting('/api/v1/departments', { name: 'IT support' }, tenant.adminToken, 201);
    tickets = [];
    for (const title of ['VPN', 'Printer'])
      tickets.push((await createOrder(stack, tenant.adminToken, { title, departmentId: support.id })).id);
    await createOrder(stack, tenant.adminToken, { title: 'Office moves' });
    heads = await stack.http.postExpecting(
      '/api/v1/groups',
      { name: 'Support heads', rights: ['departments.all'] },
      tenant.adminToken,
      201,
    );
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  function preview(kind: string, targetId: string, change: unknown, token = tenant.adminToken) {
    return stack.http.post('/api/v1/permissions/preview', { kind, targetId, change }, token);
  }

  async function masterSees(): Promise<string[]> {
    const list = await stack.http.get('/api/v1/orders?limit=100', master.token);
    expect(list.status).toBe(200);
    return list.body.items.map((order: any) => order.id).sort();
  }

  async function masterRights(): Promise<string[]> {
    const rights = await stack.http.get(`/api/v1/staff/${master.id}/rights`, tenant.adminToken);
    expect(rights.status).toBe(200);
    return rights.body.effectiveRights;
  }

  async function policyVersion(): Promise<number> {
    const explained = await stack.http.get(`/api/v1/permissions/explain?personId=${master.id}&action=orders.read`, tenant.adminToken);
    return explained.body.policyVersion;
  }

  /** Makes the change through its route and checks the preview made just before against what happened. */
  async function madeAsPreviewed(person: any, make: () => Promise<{ status: number }>): Promise<void> {
    const [seen, rights] = [await masterSees(), await masterRights()];
    expect((await make()).status).toBe(200);
    const [after, rightsAfter] = [await masterSees(), await masterRights()];
    expect(seen.filter((id) => !after.includes(id))).toEqual([...person.orders.lose.sample].sort());
    expect(after.filter((id) => !seen.includes(id))).toEqual([...person.orders.gain.sample].sort());
    expect(person.orders.lose.total + person.orders.gain.total).toBe(person.orders.lose.sample.length + person.orders.gain.sample.length);
    const catalog = (list: any[]) =>
      list
        .filter((action) => !action.action.startsWith('order.'))
        .map((action) => action.action)
        .sort();
    expect(rights.filter((right) => !rightsAfter.includes(right)).sort()).toEqual(catalog(person.actions.lose));
    expect(rightsAfter.filter((right) => !rights.includes(right)).sort()).toEqual(catalog(person.actions.gain));
  }

  it('joining a group with departments.all: the tickets and the right gained; leaving it: both lost', async () => {
    const version = await policyVersion();
    const joining = await preview('group-members-add', heads.id, { personIds: [master.id] });
    expect(joining.status).toBe(200);
    expect(joining.body.policyVersion).toBeGreaterThanOrEqual(version);
    expect(joining.body.people).toEqual([
      {
        personId: master.id,
        orders: {
          lose: NOTHING,
          gain: { total: 2, byStatus: [{ statusId: tenant.status['New lead'], count: 2 }], sample: [...tickets].sort().reverse() },
        },
        tasks: { lose: NOTHING, gain: NOTHING },
        actions: { lose: [], gain: [{ action: 'departments.all' }] },
        // Why, as GET /permissions/explain would word it before and after.
        explain: [
          {
            action: 'departments.all',
            before: { code: 'RIGHT.NOT_GRANTED', reason: expect.stringContaining("none of its groups ('Employee') has it") },
            after: { code: 'ALLOWED.GROUP', reason: expect.stringContaining('Support heads') },
          },
        ],
      },
    ]);
    // Nothing changed: the same version, the same answer again.
    expect(await policyVersion()).toBe(version);
    expect((await preview('group-members-add', heads.id, { personIds: [master.id] })).body).toEqual(joining.body);
    await madeAsPreviewed(joining.body.people[0], () =>
      stack.http.post(`/api/v1/groups/${heads.id}/members`, { personIds: [master.id] }, tenant.adminToken),
    );
    expect((await preview('group-members-add', heads.id, { personIds: [master.id] })).body.people).toEqual([]);

    const leaving = await preview('group-member-remove', heads.id, { personId: master.id });
    expect(leaving.status).toBe(200);
    expect(leaving.body.people).toEqual([
      expect.objectContaining({
        personId: master.id,
        orders: { lose: joining.body.people[0].orders.gain, gain: NOTHING },
        actions: { lose: [{ action: 'departments.all' }], gain: [] },
      }),
    ]);
    await madeAsPreviewed(leaving.body.people[0], () =>
      stack.http.delete(`/api/v1/groups/${heads.id}/members/${master.id}`, tenant.adminToken),
    );
    expect((await preview('group-member-remove', heads.id, { personId: master.id })).body.people).toEqual([]);
  });

  it('a group losing departments.all: its members lose the tickets and the right; a login bar: auth.login lost', async () => {
    await stack.http.postExpecting(`/api/v1/groups/${heads.id}/members`, { personIds: [master.id] }, tenant.adminToken, 200);
    const stripped = await preview('group', heads.id, { rights: [] });
    expect(stripped.status).toBe(200);
    expect(stripped.body.people).toEqual([
      expect.objectContaining({
        personId: master.id,
        orders: { lose: expect.objectContaining({ total: 2 }), gain: NOTHING },
        actions: { lose: [{ action: 'departments.all' }], gain: [] },
      }),
    ]);
    await madeAsPreviewed(stripped.body.people[0], () => stack.http.patch(`/api/v1/groups/${heads.id}`, { rights: [] }, tenant.adminToken));

    const renamed = await preview('group', heads.id, { name: 'Heads of support' });
    expect(renamed.body.people).toEqual([]);
    expect((await stack.http.delete(`/api/v1/groups/${heads.id}/members/${master.id}`, tenant.adminToken)).status).toBe(200);

    // A login bar is tried on a colleague: a barred person's token stops working.
    const clerk = await signedInEmployee(stack, tenant);
    await stack.http.postExpecting(`/api/v1/groups/${heads.id}/members`, { personIds: [clerk.id] }, tenant.adminToken, 200);
    const barred = await preview('group', heads.id, { loginBarred: true });
    expect(barred.body.people).toEqual([
      expect.objectContaining({
        personId: clerk.id,
        orders: { lose: NOTHING, gain: NOTHING },
        actions: { lose: [{ action: 'auth.login' }], gain: [] },
      }),
    ]);
    const rightsOf = async () =>
      (await stack.http.get(`/api/v1/staff/${clerk.id}/rights`, tenant.adminToken)).body.effectiveRights as string[];
    const before = await rightsOf();
    expect((await stack.http.patch(`/api/v1/groups/${heads.id}`, { loginBarred: true }, tenant.adminToken)).status).toBe(200);
    const after = await rightsOf();
    expect([before.filter((right) => !after.includes(right)), after.filter((right) => !before.includes(right))]).toEqual([
      ['auth.login'],
      [],
    ]);
    expect((await stack.http.get('/api/v1/orders', clerk.token)).status).toBe(401);
    expect(
      (await stack.http.patch(`/api/v1/groups/${heads.id}`, { loginBarred: false, rights: ['departments.all'] }, tenant.adminToken)).status,
    ).toBe(200);
    expect((await stack.http.delete(`/api/v1/groups/${heads.id}/members/${clerk.id}`, tenant.adminToken)).status).toBe(200);
  });

  it('a personal grant of departments.all: the tickets gained; removing it: lost', async () => {
    const grant = { right: 'departments.all', effect: 'allow' };
    const granting = await preview('person-right', master.id, grant);
    expect(granting.status).toBe(200);
    expect(granting.body.people).toEqual([
      expect.objectContaining({
        personId: master.id,
        orders: { lose: NOTHING, gain: expect.objectContaining({ total: 2 }) },
        actions: { lose: [], gain: [{ action: 'departments.all' }] },
      }),
    ]);
    await madeAsPreviewed(granting.body.people[0], () => stack.http.put(`/api/v1/staff/${master.id}/rights`, grant, tenant.adminToken));

    const denying = await preview('person-right', master.id, { right: 'orders.read', effect: 'deny' });
    expect(denying.body.people).toEqual([
      expect.objectContaining({
        orders: { lose: expect.objectContaining({ total: 3 }), gain: NOTHING },
        actions: { lose: [{ action: 'orders.read' }], gain: [] },
      }),
    ]);
    const removing = await preview('person-right', master.id, { right: 'departments.all', effect: null });
    expect(removing.body.people).toEqual([
      expect.objectContaining({ orders: { lose: granting.body.people[0].orders.gain, gain: NOTHING } }),
    ]);
    await madeAsPreviewed(removing.body.people[0], () =>
      stack.http.put(`/api/v1/staff/${master.id}/rights`, { right: 'departments.all', effect: null }, tenant.adminToken),
    );
  });

  it('is refused as each change is: 403 without groups.manage, the same 422 for a bad body, 404, 409', async () => {
    const groups = await stack.http.get('/api/v1/groups', tenant.adminToken);
    const administrators = groups.body.find((group: any) => group.systemKey === 'administrator');
    const routes: Record<string, (targetId: string, change: any, token?: string) => Promise<any>> = {
      'group-members-add': (id, change, token = tenant.adminToken) => stack.http.post(`/api/v1/groups/${id}/members`, change, token),
      'group-member-remove': (id, change, token = tenant.adminToken) =>
        stack.http.delete(`/api/v1/groups/${id}/members/${change.personId}`, token),
      group: (id, change, token = tenant.adminToken) => stack.http.patch(`/api/v1/groups/${id}`, change, token),
      'person-right': (id, change, token = tenant.adminToken) => stack.http.put(`/api/v1/staff/${id}/rights`, change, token),
    };
    const same = async (kind: string, targetId: string, change: any, status: number, token = tenant.adminToken) => {
      const previewed = await preview(kind, targetId, change, token);
      const changed = await routes[kind]!(targetId, change, token);
      expect(changed.status).toBe(status);
      expect({ kind, status: previewed.status, code: previewed.body.code, errors: previewed.body.errors }).toEqual({
        kind,
        status: changed.status,
        code: changed.body.code,
        errors: changed.body.errors,
      });
    };
    const version = await policyVersion();

    await same('group-members-add', heads.id, { personIds: [master.id] }, 403, master.token);
    await same('group-member-remove', heads.id, { personId: master.id }, 403, master.token);
    await same('group', heads.id, { rights: [] }, 403, master.token);
    await same('person-right', master.id, { right: 'orders.read', effect: 'deny' }, 403, master.token);

    for (const change of [
      { personIds: [] },
      { personIds: ['someone'] },
      { personIds: [MISSING] },
      {},
      { personIds: [master.id], extra: 1 },
    ]) {
      await same('group-members-add', heads.id, change, 422);
    }
    for (const change of [{ rights: ['orders.everything'] }, { loginBarred: 'yes' }, { name: '' }, { rights: 'all' }])
      await same('group', heads.id, change, 422);
    await same('group', administrators.id, { loginBarred: true }, 422);
    await same('group', administrators.id, { rights: ['auth.login'] }, 422);
    await same('group', heads.id, { name: 'Administrator' }, 409);
    for (const change of [
      { right: 'orders.everything', effect: 'allow' },
      { right: 'orders.read', effect: 'sometimes' },
      { right: 'orders.read' },
    ]) {
      await same('person-right', master.id, change, 422);
    }

    await same('group-members-add', MISSING, { personIds: [master.id] }, 404);
    await same('group-member-remove', MISSING, { personId: master.id }, 404);
    await same('group', MISSING, { rights: [] }, 404);
    await same('person-right', MISSING, { right: 'orders.read', effect: 'deny' }, 404);
    // The tenant keeps its last administrator: removing it is a conflict, previewing the removal too.
    await same('group-member-remove', administrators.id, { personId: tenant.adminId }, 409);

    const malformed = await preview('group-member-remove', heads.id, { personId: 'someone' });
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors).toContainEqual(expect.objectContaining({ field: 'personId' }));
    expect(await policyVersion()).toBe(version);
  });
});
