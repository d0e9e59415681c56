import { Stack } from './support/stack';
import { admin, createOrder, createOrdersTenant, DEFAULT_STATUSES } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

/**
 * Status changes crossing each other in one tenant (X→Y beside Y→X) touch the same per-status
 * counter rows from opposite ends. They must neither deadlock into a 500 nor lose a count.
 */
describe('orders: concurrent crossing status changes', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let boss: Person;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'cross');
    boss = admin(tenant);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers every crossing change with 200 or a 409 that says what to do, and the counters add up afterwards', async () => {
    const statuses = DEFAULT_STATUSES.filter((name) => name !== 'Closed' && name !== 'Cancelled').map((name) => tenant.status[name]!);
    const orders = await Promise.all(Array.from({ length: 12 }, (_, i) => createOrder(stack, boss.token, { title: `Crossing ${i}` })));
    // Half the orders in X, half in Y, then every round moves each pair across in both directions at once.
    const [x, y] = [statuses[1]!, statuses[2]!];
    await Promise.all(
      orders.map((order, i) => stack.http.post(`/api/v1/orders/${order.id}/status`, { statusId: i % 2 ? y : x }, boss.token)),
    );
    const applied = new Map<string, number>(orders.map((order) => [order.id, 0]));
    const answers: number[] = [];
    const problems: any[] = [];
    for (let round = 0; round < 6; round++) {
      const results = await Promise.all(
        orders.map(async (order, i) => {
          // Round 0 crosses X and Y; later rounds send every order to a random status, 12 at once.
          const target = round === 0 ? (i % 2 ? x : y) : statuses[Math.floor(Math.random() * statuses.length)]!;
          const response = await stack.http.post(`/api/v1/orders/${order.id}/status`, { statusId: target }, boss.token);
          return { order, response };
        }),
      );
      for (const { order, response } of results) {
        answers.push(response.status);
        if (response.status === 200) applied.set(order.id, applied.get(order.id)! + 1);
        else problems.push(response.body);
      }
    }
    expect(answers.filter((status) => status >= 500)).toEqual([]);
    // Only "already in that status" (a random pick of the current one) may refuse here; nothing lost a race to a deadlock.
    for (const body of problems) expect(body).toMatchObject({ status: 409, code: 'ORDER.ALREADY_IN_STATUS' });

    // Versions: 1 at creation, +1 for the setup move, +1 per applied change; history has one entry for the creation and one per move.
    for (const order of orders) {
      const now = await stack.http.get(`/api/v1/orders/${order.id}`, boss.token);
      expect(now.body.version).toBe(2 + applied.get(order.id)!);
      const history = await stack.http.get(`/api/v1/orders/${order.id}/history`, boss.token);
      expect(history.body.filter((entry: any) => entry.kind === 'status')).toHaveLength(2 + applied.get(order.id)!);
    }
    // The per-status totals (kept by counters) equal the orders actually listed in each status.
    for (const statusId of statuses) {
      const page = await stack.http.get(`/api/v1/orders?status=${statusId}&limit=100`, boss.token);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(page.body.items.length);
    }
    const all = await stack.http.get(`/api/v1/orders?limit=100`, boss.token);
    expect(all.body.total).toBe(orders.length);
  });

  it('answers changes racing for the same order with 200 or 409 ORDER.STATUS_MOVED, never a 404 for an order that exists', async () => {
    const statuses = DEFAULT_STATUSES.filter((name) => name !== 'Closed' && name !== 'Cancelled').map((name) => tenant.status[name]!);
    const order = await createOrder(stack, boss.token, { title: 'Raced for' });
    let applied = 0;
    for (let round = 0; round < 4; round++) {
      const now = await stack.http.get(`/api/v1/orders/${order.id}`, boss.token);
      const targets = statuses.filter((id) => id !== now.body.status.id);
      const answers = await Promise.all(
        targets.map((statusId) => stack.http.post(`/api/v1/orders/${order.id}/status`, { statusId }, boss.token)),
      );
      for (const answer of answers) {
        if (answer.status === 200) applied++;
        else
          expect({ status: answer.status, code: answer.body.code }).toEqual({
            status: 409,
            code: expect.stringMatching(/^ORDER\.(STATUS_MOVED|ALREADY_IN_STATUS)$/),
          });
      }
    }
    expect(applied).toBeGreaterThanOrEqual(4);
    const final = await stack.http.get(`/api/v1/orders/${order.id}`, boss.token);
    expect(final.body.version).toBe(1 + applied);
  });
});
