import { Stack } from './support/stack';
import { createOrder, createOrdersTenant, moveOrder, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

/**
 * The repair shop: before lowering the master's level on "Ready", the administrator previews the
 * change. The preview must name exactly the orders the master then stops seeing, and change nothing.
 */
describe('permissions: preview of a status-access change', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let master: Person;
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'pre');
    master = await signedInEmployee(stack, tenant);
    for (const [status, count] of [
      ['Ready', 3],
      ['In repair', 2],
      ['New', 1],
    ] as const) {
      ids[status] = [];
      for (let i = 0; i < count; i += 1) {
        const order = await createOrder(stack, tenant.adminToken, { title: `${status} ${i}` });
        if (status !== 'New') {
          const moved = await moveOrder(stack, tenant.adminToken, order.id, tenant.status[status]!);
          if (moved.status !== 200) throw new Error(`move: ${moved.status} ${JSON.stringify(moved.body)}`);
        }
        ids[status]!.push(order.id);
      }
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function masterSees(): Promise<string[]> {
    const list = await stack.http.get('/api/v1/orders?limit=100', master.token);
    expect(list.status).toBe(200);
    return list.body.items.map((order: any) => order.id).sort();
  }

  async function policyVersion(): Promise<number> {
    const explained = await stack.http.get(`/api/v1/permissions/explain?personId=${master.id}&action=orders.read`, tenant.adminToken);
    expect(explained.status).toBe(200);
    return explained.body.policyVersion;
  }

  const lowerReady = (): Record<string, unknown> => ({ levels: [{ statusId: tenant.status.Ready, level: 'none' }] });

  it('predicts exactly the orders the master stops seeing, and changes nothing', async () => {
    const before = await masterSees();
    const version = await policyVersion();

    const preview = await stack.http.post(
      '/api/v1/permissions/preview',
      { kind: 'person-status-access', targetId: master.id, change: lowerReady() },
      tenant.adminToken,
    );
    expect(preview.status).toBe(200);
    expect(preview.body.policyVersion).toBe(version);
    expect(preview.body.people).toHaveLength(1);
    const [person] = preview.body.people;
    expect(person.personId).toBe(master.id);
    expect(person.orders.lose).toEqual({
      total: 3,
      byStatus: [{ statusId: tenant.status.Ready, count: 3 }],
      sample: [...ids.Ready!].sort().reverse(),
    });
    expect(person.orders.gain).toEqual({ total: 0, byStatus: [], sample: [] });
    expect(person.tasks).toEqual({ lose: { total: 0, byStatus: [], sample: [] }, gain: { total: 0, byStatus: [], sample: [] } });
    expect(person.actions).toEqual({ lose: [{ action: 'order.status.set', statusId: tenant.status.Ready }], gain: [] });
    // Why, in explain's terms: the level on Ready, from the group's to the personal override.
    expect(person.explain).toEqual([
      {
        action: 'order.status.level',
        statusId: tenant.status.Ready,
        before: { code: 'set', reason: expect.any(String) },
        after: { code: 'none', reason: "personal override 'none' on 'Ready'" },
      },
    ]);

    // Nothing changed: the same version, the same list, the same preview again.
    expect(await policyVersion()).toBe(version);
    expect(await masterSees()).toEqual(before);
    const again = await stack.http.post(
      '/api/v1/permissions/preview',
      { kind: 'person-status-access', targetId: master.id, change: lowerReady() },
      tenant.adminToken,
    );
    expect(again.body).toEqual(preview.body);

    const made = await stack.http.put(`/api/v1/staff/${master.id}/status-access`, lowerReady(), tenant.adminToken);
    expect(made.status).toBe(200);
    const after = await masterSees();
    const lost = before.filter((id) => !after.includes(id));
    const gained = after.filter((id) => !before.includes(id));
    expect(lost.sort()).toEqual([...person.orders.lose.sample].sort());
    expect(lost).toHaveLength(person.orders.lose.total);
    expect(gained).toEqual([]);
    expect(await policyVersion()).toBeGreaterThan(version);

    // Made already: previewing it again shows nobody.
    const repeated = await stack.http.post(
      '/api/v1/permissions/preview',
      { kind: 'person-status-access', targetId: master.id, change: lowerReady() },
      tenant.adminToken,
    );
    expect(repeated.body.people).toEqual([]);
  });

  it('a group change lists its members whose sight changes, and leaves out those a personal level shields', async () => {
    const groups = await stack.http.get('/api/v1/groups', tenant.adminToken);
    const employees = groups.body.find((group: any) => group.systemKey === 'employee');
    const colleague = await signedInEmployee(stack, tenant);
    const change = {
      levels: [
        { statusId: tenant.status.Ready, level: 'none' },
        { statusId: tenant.status['In repair'], level: 'view' },
      ],
    };

    const preview = await stack.http.post(
      '/api/v1/permissions/preview',
      { kind: 'group-status-access', targetId: employees.id, change },
      tenant.adminToken,
    );
    expect(preview.status).toBe(200);
    // The master's own "none" on Ready already decides; "In repair" only loses the right to set it.
    const byPerson = new Map(preview.body.people.map((person: any) => [person.personId, person]));
    expect(byPerson.get(master.id)).toMatchObject({
      orders: { lose: { total: 0 }, gain: { total: 0 } },
      actions: { lose: [{ action: 'order.status.set', statusId: tenant.status['In repair'] }], gain: [] },
    });
    expect(byPerson.get(colleague.id)).toMatchObject({
      orders: { lose: { total: 3, byStatus: [{ statusId: tenant.status.Ready, count: 3 }] }, gain: { total: 0 } },
      actions: {
        lose: [
          { action: 'order.status.set', statusId: tenant.status['In repair'] },
          { action: 'order.status.set', statusId: tenant.status.Ready },
        ],
      },
    });
    expect(byPerson.has(tenant.adminId)).toBe(false);

    const colleagueBefore = await stack.http.get('/api/v1/orders?limit=100', colleague.token);
    expect((await stack.http.put(`/api/v1/groups/${employees.id}/status-access`, change, tenant.adminToken)).status).toBe(200);
    const colleagueAfter = await stack.http.get('/api/v1/orders?limit=100', colleague.token);
    expect(colleagueBefore.body.total - colleagueAfter.body.total).toBe(3);
    await stack.http.put(
      `/api/v1/groups/${employees.id}/status-access`,
      { levels: change.levels.map((level) => ({ ...level, level: null })) },
      tenant.adminToken,
    );
  });

  it('the closed-order flag shows as the action order.closed.change', async () => {
    const preview = await stack.http.post(
      '/api/v1/permissions/preview',
      { kind: 'person-status-access', targetId: master.id, change: { levels: [], mayChangeClosed: true } },
      tenant.adminToken,
    );
    expect(preview.body.people).toEqual([
      expect.objectContaining({ personId: master.id, actions: { lose: [], gain: [{ action: 'order.closed.change' }] } }),
    ]);
  });

  it('is refused as the change is: 403 without its right, the same 422 for a bad body, 404 for an unknown target', async () => {
    const asMaster = await stack.http.post(
      '/api/v1/permissions/preview',
      { kind: 'person-status-access', targetId: master.id, change: lowerReady() },
      master.token,
    );
    const changeAsMaster = await stack.http.put(`/api/v1/staff/${master.id}/status-access`, lowerReady(), master.token);
    expect([asMaster.status, asMaster.body.code]).toEqual([403, changeAsMaster.body.code]);

    const bodies = [
      { levels: [{ statusId: tenant.status.Ready, level: 'sometimes' }] },
      { levels: [{ statusId: tenant.status.Ready, level: 'none' }], colour: 'red' },
      { levels: 'all' },
      { levels: [{ statusId: '01900000-0000-7000-8000-000000000000', level: 'none' }] },
      {
        levels: [
          { statusId: tenant.status.Ready, level: 'none' },
          { statusId: tenant.status.Ready, level: 'view' },
        ],
      },
    ];
    for (const body of bodies) {
      const previewed = await stack.http.post(
        '/api/v1/permissions/preview',
        { kind: 'person-status-access', targetId: master.id, change: body },
        tenant.adminToken,
      );
      const changed = await stack.http.put(`/api/v1/staff/${master.id}/status-access`, body, tenant.adminToken);
      expect(changed.status).toBe(422);
      expect({ status: previewed.status, code: previewed.body.code, errors: previewed.body.errors }).toEqual({
        status: changed.status,
        code: changed.body.code,
        errors: changed.body.errors,
      });
    }

    const missing = '01900000-0000-7000-8000-000000000000';
    for (const [kind, route] of [
      ['person-status-access', `/api/v1/staff/${missing}/status-access`],
      ['group-status-access', `/api/v1/groups/${missing}/status-access`],
    ] as const) {
      const previewed = await stack.http.post(
        '/api/v1/permissions/preview',
        { kind, targetId: missing, change: lowerReady() },
        tenant.adminToken,
      );
      const changed = await stack.http.put(route, lowerReady(), tenant.adminToken);
      expect([previewed.status, previewed.body.code]).toEqual([404, changed.body.code]);
    }
    expect(
      (
        await stack.http.post(
          '/api/v1/permissions/preview',
          { kind: 'person-status-access', targetId: 'nobody', change: lowerReady() },
          tenant.adminToken,
        )
      ).status,
    ).toBe(404);
  });

  it('names `kind` when the kind is unknown, and the fields of the envelope', async () => {
    // Every kind is supported; a department preview of a person's id answers as `PATCH /departments/{id}` would.
    const notDepartment = await stack.http.post(
      '/api/v1/permissions/preview',
      { kind: 'department', targetId: master.id, change: {} },
      tenant.adminToken,
    );
    expect(notDepartment.status).toBe(404);
    expect(notDepartment.body).toMatchObject({ code: 'DEPARTMENT.NOT_FOUND' });
    const unknown = await stack.http.post(
      '/api/v1/permissions/preview',
      { kind: 'everything', targetId: master.id, change: {} },
      tenant.adminToken,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toContainEqual(expect.objectContaining({ field: 'kind' }));
    const noChange = await stack.http.post(
      '/api/v1/permissions/preview',
      { kind: 'person-status-access', targetId: master.id },
      tenant.adminToken,
    );
    expect(noChange.status).toBe(422);
    expect(noChange.body.errors).toContainEqual(expect.objectContaining({ field: 'change' }));
  });
});
