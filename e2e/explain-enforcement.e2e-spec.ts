import { Stack } from './support/stack';
import { createEmployee, login } from './staff.fixtures';
import { createOrder, createOrdersTenant, moveOrder, setLevels, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';
import { createTask, createTaskWorkflow, moveTask, transitionsFor } from './tasks.fixtures';

jest.setTimeout(60_000);

/**
 * What an administrator is told about a person (explain, someone else's transitions) is what the
 * person meets when it acts: both come from the one check of the permissions service
 * (services/permissions/src/check/decision.evaluator.ts), so a right refused personally or granted by
 * no group refuses in every answer with the same code.
 */
describe('explain and enforcement agree', () => {
  let stack: Stack;
  let tenant: OrdersTenant;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'exe');
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const deny = async (personId: string, right: string) => {
    const response = await stack.http.put(`/api/v1/staff/${personId}/rights`, { right, effect: 'deny' }, tenant.adminToken);
    expect(response.status).toBe(200);
  };

  const explain = (personId: string, action: string, resource: Record<string, unknown>) =>
    stack.http.get(
      `/api/v1/permissions/explain?personId=${personId}&action=${action}&resource=${encodeURIComponent(JSON.stringify(resource))}`,
      tenant.adminToken,
    );

  /** An employee in one new group of the given rights only (not in the Employee group). */
  async function inGroupOnly(rights: string[]): Promise<Person> {
    const employee = await createEmployee(stack, tenant, { firstName: 'Gordon' });
    const groups = (await stack.http.get('/api/v1/groups', tenant.adminToken)).body;
    const employees = groups.find((group: any) => group.systemKey === 'employee');
    const group = await stack.http.post(
      '/api/v1/groups',
      { name: `Narrow ${Math.random().toString(36).slice(2, 7)}`, rights },
      tenant.adminToken,
    );
    expect(group.status).toBe(201);
    expect((await stack.http.post(`/api/v1/groups/${group.body.id}/members`, { personIds: [employee.id] }, tenant.adminToken)).status).toBe(
      200,
    );
    expect((await stack.http.delete(`/api/v1/groups/${employees.id}/members/${employee.id}`, tenant.adminToken)).status).toBe(200);
    const signedIn = await login(stack, tenant, employee.email);
    expect(signedIn.status).toBe(200);
    return { id: employee.id, token: signedIn.body.accessToken };
  }

  describe('tasks', () => {
    let workflow: { body: any; status: Record<string, string> };

    beforeAll(async () => {
      const everyone = { roles: [{ role: 'participant', kind: 'any' }] };
      workflow = await createTaskWorkflow(
        stack,
        tenant,
        [
          ['Open', 'initial'],
          ['Review', 'active'],
        ],
        [['Open', 'Review', everyone]],
      );
    });

    const cases: Array<{ name: string; code: string; person: () => Promise<Person> }> = [
      {
        name: 'a personal deny of tasks.read',
        code: 'RIGHT.DENIED_PERSONALLY',
        person: async () => {
          const person = await signedInEmployee(stack, tenant, { firstName: 'Dennis' });
          await deny(person.id, 'tasks.read');
          return person;
        },
      },
      { name: 'no group granting tasks.read', code: 'RIGHT.NOT_GRANTED', person: () => inGroupOnly(['auth.login', 'tasks.create']) },
    ];

    it.each(cases)('$name: refused with $code in the transitions, explain, and the move itself', async ({ code, person: make }) => {
      const person = await make();
      const task = await createTask(stack, tenant.adminToken, {
        workflowId: workflow.body.id,
        participants: [{ personId: person.id, role: 'assignee' }],
      });

      const own = await stack.http.get(`/api/v1/tasks/${task.id}/transitions`, person.token);
      expect([own.status, own.body.code]).toEqual([403, code]);
      const moved = await moveTask(stack, person.token, task.id, workflow.status.Review!);
      expect([moved.status, moved.body.code]).toEqual([403, code]);

      const answered = await transitionsFor(stack, tenant, task.id, person.id);
      expect(answered.Review).toMatchObject({ allowed: false, code });
      expect(answered.Review.steps).toContainEqual(
        expect.objectContaining({ effect: 'deny', detail: expect.stringContaining("'tasks.read'") }),
      );
      const resource = { type: 'task', taskId: task.id, targetStatusId: workflow.status.Review };
      for (const action of ['task.change-status', 'task.read']) {
        const explained = await explain(person.id, action, resource);
        expect([explained.status, explained.body.allowed, explained.body.code]).toEqual([200, false, code]);
      }
      expect((await stack.http.get(`/api/v1/tasks/${task.id}`, tenant.adminToken)).body.status.name).toBe('Open');
    });

    it('a participant holding tasks.read is allowed in all of them', async () => {
      const person = await signedInEmployee(stack, tenant, { firstName: 'Tess' });
      const task = await createTask(stack, tenant.adminToken, {
        workflowId: workflow.body.id,
        participants: [{ personId: person.id, role: 'assignee' }],
      });
      expect((await transitionsFor(stack, tenant, task.id, person.id)).Review).toMatchObject({ allowed: true });
      const explained = await explain(person.id, 'task.change-status', {
        type: 'task',
        taskId: task.id,
        targetStatusId: workflow.status.Review,
      });
      expect(explained.body.allowed).toBe(true);
      const own = await stack.http.get(`/api/v1/tasks/${task.id}/transitions`, person.token);
      expect(own.body.transitions.find((t: any) => t.name === 'Review')).toMatchObject({ allowed: true });
      expect((await moveTask(stack, person.token, task.id, workflow.status.Review!)).status).toBe(200);
    });
  });

  describe('orders', () => {
    const everything = { 'New lead': 'set', New: 'set', Diagnostics: 'set' } as const;

    async function employeeWhoMaySet(): Promise<Person> {
      const person = await signedInEmployee(stack, tenant, { firstName: 'Olga' });
      await setLevels(stack, tenant, person.id, everything);
      return person;
    }

    /** The order resource as the gateway asks about it (services/gateway/src/orders/order-access.service.ts). */
    const resourceOf = (order: any, extra: Record<string, unknown>) => ({
      type: 'order',
      statusId: order.status.id,
      departmentId: order.departmentId,
      clientContactId: order.clientContactId,
      clientCompanyId: order.clientCompanyId,
      ...extra,
    });

    async function departmentId(): Promise<string> {
      const created = await stack.http.post(
        '/api/v1/departments',
        { name: `Desk ${Math.random().toString(36).slice(2, 7)}` },
        tenant.adminToken,
      );
      expect(created.status).toBe(201);
      return created.body.id;
    }

    it('a personal deny of orders.update: the move, the own transitions and explain all refuse it personally', async () => {
      const person = await employeeWhoMaySet();
      await deny(person.id, 'orders.update');
      const order = await createOrder(stack, tenant.adminToken);

      const moved = await moveOrder(stack, person.token, order.id, tenant.status.New!);
      expect([moved.status, moved.body.code]).toEqual([403, 'RIGHT.DENIED_PERSONALLY']);
      const own = await stack.http.get(`/api/v1/orders/${order.id}/transitions`, person.token);
      expect(own.status).toBe(200);
      expect(own.body.transitions.find((t: any) => t.name === 'New')).toMatchObject({ allowed: false, code: 'RIGHT.DENIED_PERSONALLY' });
      const explained = await explain(person.id, 'orders.update', resourceOf(order, { targetStatusId: tenant.status.New }));
      expect([explained.body.allowed, explained.body.code]).toEqual([false, 'RIGHT.DENIED_PERSONALLY']);
    });

    it('a personal deny of orders.read: the person cannot find the order to move or transfer it, and explain refuses both', async () => {
      const person = await employeeWhoMaySet();
      await deny(person.id, 'orders.read');
      const order = await createOrder(stack, tenant.adminToken);

      // orders.update and orders.transfer are still granted; reading the order first refuses, hidden as 404.
      const moved = await moveOrder(stack, person.token, order.id, tenant.status.New!);
      expect([moved.status, moved.body.code]).toEqual([404, 'ORDER.NOT_FOUND']);
      const transferred = await stack.http.post(
        `/api/v1/orders/${order.id}/transfer`,
        { departmentId: await departmentId() },
        person.token,
      );
      expect([transferred.status, transferred.body.code]).toEqual([404, 'ORDER.NOT_FOUND']);
      const own = await stack.http.get(`/api/v1/orders/${order.id}/transitions`, person.token);
      expect([own.status, own.body.code]).toEqual([403, 'RIGHT.DENIED_PERSONALLY']);

      for (const [action, extra] of [
        ['orders.read', {}],
        ['orders.update', { targetStatusId: tenant.status.New }],
        ['orders.transfer', { targetDepartmentId: await departmentId() }],
      ] as const) {
        const explained = await explain(person.id, action, resourceOf(order, extra));
        expect([action, explained.status, explained.body.allowed, explained.body.code]).toEqual([
          action,
          200,
          false,
          'RIGHT.DENIED_PERSONALLY',
        ]);
        expect(explained.body.steps).toContainEqual(
          expect.objectContaining({ rule: 'override.personal', effect: 'deny', detail: expect.stringContaining("'orders.read'") }),
        );
      }
      expect((await stack.http.get(`/api/v1/orders/${order.id}`, tenant.adminToken)).body.status.id).toBe(order.status.id);
    });

    it('with both rights the move is allowed in explain, the transitions and the move itself', async () => {
      const person = await employeeWhoMaySet();
      const order = await createOrder(stack, tenant.adminToken);
      const explained = await explain(person.id, 'orders.update', resourceOf(order, { targetStatusId: tenant.status.New }));
      expect(explained.body.allowed).toBe(true);
      const own = await stack.http.get(`/api/v1/orders/${order.id}/transitions`, person.token);
      expect(own.body.transitions.find((t: any) => t.name === 'New')).toMatchObject({ allowed: true });
      expect((await moveOrder(stack, person.token, order.id, tenant.status.New!)).status).toBe(200);
    });

    it("an administrator names only the order: explain reads its status and placement and answers as the person's own read", async () => {
      const person = await employeeWhoMaySet();
      const order = await createOrder(stack, tenant.adminToken);
      const seen = await explain(person.id, 'orders.read', { type: 'order', orderId: order.id });
      expect([seen.status, seen.body.allowed]).toEqual([200, true]);
      expect((await stack.http.get(`/api/v1/orders/${order.id}`, person.token)).status).toBe(200);

      await setLevels(stack, tenant, person.id, { 'New lead': 'none' });
      const hidden = await explain(person.id, 'orders.read', { type: 'order', orderId: order.id });
      expect(hidden.body.allowed).toBe(false);
      expect(hidden.body.steps).toContainEqual(expect.objectContaining({ rule: 'order.facts', effect: 'none' }));
      expect(hidden.body.code).not.toBe('STATUS.UNKNOWN');
      expect((await stack.http.get(`/api/v1/orders/${order.id}`, person.token)).status).toBe(404);

      const unknown = await explain(person.id, 'orders.read', { type: 'order', orderId: '0192f0c4-0000-7000-8000-000000000000' });
      expect([unknown.body.allowed, unknown.body.code]).toEqual([false, 'ORDER.NOT_FOUND']);
    });
  });
});
