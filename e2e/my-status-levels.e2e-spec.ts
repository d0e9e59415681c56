import { Stack } from './support/stack';
import { createOrdersTenant, DEFAULT_STATUSES, setLevels, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

/** Employees see only the statuses they need: everyone reads its own levels, and workflow reads are cut to them. */
describe('my status levels', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let master: Person;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'myl');
    master = await signedInEmployee(stack, tenant, { firstName: 'Max' });
    await setLevels(stack, tenant, master.id, { 'New lead': 'none', Contacted: 'none', Diagnostics: 'view' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const orderWorkflow = (body: any[]) => body.find((workflow: any) => workflow.kind === 'order');

  it('the master reads his own levels and the closed-order flag, though not anyone else’s', async () => {
    const own = await stack.http.get('/api/v1/me/status-access', master.token);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ personId: master.id, mayChangeClosed: false });
    const levels = Object.fromEntries(own.body.workflows[0].statuses.map((status: any) => [status.name, status.level]));
    expect(levels).toMatchObject({ 'New lead': 'none', Contacted: 'none', Diagnostics: 'view', 'In repair': 'set', Closed: 'view' });
    expect((await stack.http.get(`/api/v1/staff/${master.id}/status-access`, master.token)).status).toBe(403);
    expect((await stack.http.get('/api/v1/me/status-access')).status).toBe(401);
  });

  it('workflow reads leave out the statuses he may not see and give each one his level', async () => {
    const list = await stack.http.get('/api/v1/workflows', master.token);
    expect(list.status).toBe(200);
    const workflow = orderWorkflow(list.body);
    expect(workflow.statuses.map((status: any) => status.name)).toEqual(
      DEFAULT_STATUSES.filter((name) => name !== 'New lead' && name !== 'Contacted'),
    );
    expect(workflow.statuses.find((status: any) => status.name === 'Diagnostics').myLevel).toBe('view');
    expect(workflow.statuses.find((status: any) => status.name === 'In repair').myLevel).toBe('set');

    const one = await stack.http.get(`/api/v1/workflows/${workflow.id}`, master.token);
    expect(one.body.statuses.map((status: any) => [status.name, status.myLevel])).toEqual(
      workflow.statuses.map((status: any) => [status.name, status.myLevel]),
    );
  });

  it('a workflow manager reads every status, with its own level', async () => {
    const list = await stack.http.get('/api/v1/workflows', tenant.adminToken);
    const workflow = orderWorkflow(list.body);
    expect(workflow.statuses.map((status: any) => status.name)).toEqual(DEFAULT_STATUSES);
    expect(workflow.statuses.every((status: any) => status.myLevel === 'set')).toBe(true);
  });
});
