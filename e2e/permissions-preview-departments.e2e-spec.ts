import { eventually } from '@warden/testing';
import { Stack } from './support/stack';
import { createOrder, createOrdersTenant, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';
import { createTaskWorkflow } from './tasks.fixtures';

jest.setTimeout(90_000);

const NOTHING = { total: 0, byStatus: [], sample: [] };
const MISSING = '01900000-0000-7000-8000-000000000000';

/**
 * Previews of `PATCH /departments/{id}`: the support desk keeps two tickets in its department (both "New lead"),
 * a third order has no department. Joining the department (as a member or as its head) must predict exactly the
 * tickets then gained, leaving it the tickets then lost; whoever stays in it, or is not concerned, is left out.
 */
describe('permissions: preview of department changes', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let master: Person;
  let clerk: Person;
  let support: any;
  let tickets: string[];

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'prd');
    master = await signedInEmployee(stack, tenant);
    clerk = await signedInEmployee(stack, tenant);
    support = await stack.http.postExpecting('/api/v1/departments', { name: 'IT support' }, tenant.adminToken, 201);
    tickets = [];
    for (const title of ['VPN', 'Printer'])
      tickets.push((await createOrder(stack, tenant.adminToken, { title, departmentId: support.id })).id);
    await createOrder(stack, tenant.adminToken, { title: 'Office moves' });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  function preview(change: unknown, targetId = support.id, token = tenant.adminToken) {
    return stack.http.post('/api/v1/permissions/preview', { kind: 'department', targetId, change }, token);
  }

  async function sees(person: Person): Promise<string[]> {
    const list = await stack.http.get('/api/v1/orders?limit=100', person.token);
    expect(list.status).toBe(200);
    return list.body.items.map((order: any) => order.id).sort();
  }

  async function policyVersion(): Promise<number> {
    const explained = await stack.http.get(`/api/v1/permissions/explain?personId=${master.id}&action=orders.read`, tenant.adminToken);
    return explained.body.policyVersion;
  }

  const gained = () => ({ total: 2, byStatus: [{ statusId: tenant.status['New lead'], count: 2 }], sample: [...tickets].sort().reverse() });

  /**
   * Makes the change through its route and checks the preview made just before against what each person then sees,
   * once the permissions read model has the change (directory events arrive a moment later); then the same preview
   * answers nobody.
   */
  async function madeAsPreviewed(change: object, people: any[], persons: Person[]): Promise<void> {
    const before = await Promise.all(persons.map(sees));
    expect((await stack.http.patch(`/api/v1/departments/${support.id}`, change, tenant.adminToken)).status).toBe(200);
    for (const [index, person] of persons.entries()) {
      const predicted = people.find((one) => one.personId === person.id)?.orders ?? { lose: NOTHING, gain: NOTHING };
      await eventually(
        async () => {
          const after = await sees(person);
          expect([before[index]!.filter((id) => !after.includes(id)), after.filter((id) => !before[index]!.includes(id))]).toEqual([
            [...predicted.lose.sample].sort(),
            [...predicted.gain.sample].sort(),
          ]);
        },
        { timeoutMs: 10_000 },
      );
    }
    expect((await preview(change)).body.people).toEqual([]);
  }

  it('joining as a member: the tickets gained, nothing else; the same preview again; nothing changed', async () => {
    const version = await policyVersion();
    const joining = await preview({ memberIds: [master.id] });
    expect(joining.status).toBe(200);
    expect(joining.body.people).toEqual([
      expect.objectContaining({ personId: master.id, orders: { lose: NOTHING, gain: gained() }, actions: { lose: [], gain: [] } }),
    ]);
    expect(await policyVersion()).toBe(version);
    expect((await preview({ memberIds: [master.id] })).body).toEqual(joining.body);
    await madeAsPreviewed({ memberIds: [master.id] }, joining.body.people, [master, clerk]);
  });

  it('a new head sees what the members see; a member becoming the head keeps its sight and is left out', async () => {
    const heading = await preview({ headId: clerk.id });
    expect(heading.status).toBe(200);
    expect(heading.body.people).toEqual([expect.objectContaining({ personId: clerk.id, orders: { lose: NOTHING, gain: gained() } })]);
    await madeAsPreviewed({ headId: clerk.id }, heading.body.people, [master, clerk]);

    // The master moves from member to head, the clerk (head, not a member) leaves.
    const swapping = await preview({ headId: master.id, memberIds: [] });
    expect(swapping.body.people).toEqual([expect.objectContaining({ personId: clerk.id, orders: { lose: gained(), gain: NOTHING } })]);
    await madeAsPreviewed({ headId: master.id, memberIds: [] }, swapping.body.people, [master, clerk]);

    expect((await preview({ name: 'Support desk' })).body.people).toEqual([]);
    const leaving = await preview({ headId: null });
    expect(leaving.body.people).toEqual([expect.objectContaining({ personId: master.id, orders: { lose: gained(), gain: NOTHING } })]);
    await madeAsPreviewed({ headId: null }, leaving.body.people, [master, clerk]);
  });

  it('tasks: a colleague with tasks.read-department gains the tasks the department’s new people take part in', async () => {
    const readers = await stack.http.postExpecting(
      '/api/v1/groups',
      { name: 'Department task readers', rights: ['tasks.read-department'] },
      tenant.adminToken,
      201,
    );
    await stack.http.postExpecting(`/api/v1/groups/${readers.id}/members`, { personIds: [clerk.id] }, tenant.adminToken, 200);
    const workflow = await createTaskWorkflow(
      stack,
      tenant,
      [
        ['To do', 'initial'],
        ['Done', 'final'],
      ],
      [['To do', 'Done', { roles: [{ role: 'participant', kind: 'any' }] }]],
    );
    // The task starts once the workflow reached the permissions service (the creator's level on its first status).
    const task = await eventually(
      () =>
        stack.http.postExpecting(
          '/api/v1/tasks',
          {
            title: 'Replace the router',
            workflowId: workflow.body.id,
            participants: [{ personId: master.id, role: 'assignee' }],
          },
          tenant.adminToken,
          201,
        ),
      { timeoutMs: 10_000 },
    );
    const tasksOf = async (person: Person): Promise<string[]> => {
      const list = await stack.http.get('/api/v1/tasks?limit=100', person.token);
      expect(list.status).toBe(200);
      return list.body.items.map((one: any) => one.id).sort();
    };
    const change = { memberIds: [master.id, clerk.id] };
    const joining = await preview(change);
    expect(joining.status).toBe(200);
    const byPerson = new Map(joining.body.people.map((person: any) => [person.personId, person]));
    expect(byPerson.get(clerk.id)).toMatchObject({
      orders: { lose: NOTHING, gain: gained() },
      tasks: { lose: NOTHING, gain: { total: 1, byStatus: [expect.objectContaining({ count: 1 })], sample: [task.id] } },
    });
    // The master holds no tasks.read-department: its task list stays its own.
    expect(byPerson.get(master.id)).toMatchObject({ orders: { lose: NOTHING, gain: gained() }, tasks: { lose: NOTHING, gain: NOTHING } });

    const before = await tasksOf(clerk);
    await madeAsPreviewed(change, joining.body.people, [master, clerk]);
    await eventually(async () => expect((await tasksOf(clerk)).filter((id) => !before.includes(id))).toEqual([task.id]), {
      timeoutMs: 10_000,
    });

    // Leaving the readers' group: the same task lost, predicted by a group-member-remove preview.
    const leaving = await stack.http.post(
      '/api/v1/permissions/preview',
      { kind: 'group-member-remove', targetId: readers.id, change: { personId: clerk.id } },
      tenant.adminToken,
    );
    expect(leaving.body.people).toEqual([
      expect.objectContaining({
        personId: clerk.id,
        tasks: { lose: expect.objectContaining({ total: 1, sample: [task.id] }), gain: NOTHING },
      }),
    ]);
    expect((await stack.http.delete(`/api/v1/groups/${readers.id}/members/${clerk.id}`, tenant.adminToken)).status).toBe(200);
    await eventually(async () => expect(await tasksOf(clerk)).toEqual(before), { timeoutMs: 10_000 });
  });

  it('is refused as the change is: 403 without directory.manage, the same 422 for a bad body, 404, 409', async () => {
    const other = await stack.http.postExpecting('/api/v1/departments', { name: 'Workshop' }, tenant.adminToken, 201);
    const version = await policyVersion();
    const same = async (targetId: string, change: any, status: number, token = tenant.adminToken) => {
      const previewed = await preview(change, targetId, token);
      const changed = await stack.http.patch(`/api/v1/departments/${targetId}`, change, token);
      expect(changed.status).toBe(status);
      expect({ change, status: previewed.status, code: previewed.body.code, errors: previewed.body.errors }).toEqual({
        change,
        status: changed.status,
        code: changed.body.code,
        errors: changed.body.errors,
      });
    };
    await same(support.id, { memberIds: [master.id] }, 403, master.token);
    for (const change of [
      { memberIds: ['someone'] },
      { memberIds: 'all' },
      { headId: 'nobody' },
      { name: '' },
      { name: 'x'.repeat(201) },
      { memberIds: [MISSING] },
      { headId: MISSING },
      { memberIds: [master.id], extra: 1 },
    ]) {
      await same(support.id, change, 422);
    }
    await same(MISSING, { memberIds: [master.id] }, 404);
    await same(other.id, { name: 'it SUPPORT' }, 409);
    expect(await policyVersion()).toBe(version);
  });
});
