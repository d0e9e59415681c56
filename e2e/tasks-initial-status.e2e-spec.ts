import { eventually } from '@warden/testing';
import { Stack } from './support/stack';
import { createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';
import { signedInEmployee } from './orders.fixtures';
import type { Person } from './orders.fixtures';
import { createTaskWorkflow } from './tasks.fixtures';

const SLOW = { timeoutMs: 20_000 };
jest.setTimeout(60_000);

/**
 * A task is never created in a status its creator may not set, as an order is not: without a
 * template it starts in the first initial status of its workflow the creator may set (the task
 * default is `set` for everyone; a personal or group `none`/`view` narrows it); a template's status
 * needs `set` too; with none allowed, 403 naming the statuses, and nothing is created.
 */
describe('tasks: the status a new task starts in', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let clerk: Person;
  let workflow: { body: any; status: Record<string, string> };
  let employeesGroupId: string;

  async function levels(target: string, entries: Record<string, 'none' | 'view' | 'set' | null>): Promise<void> {
    const body = { levels: Object.entries(entries).map(([name, level]) => ({ statusId: workflow.status[name], level })) };
    const response = await stack.http.put(`/api/v1/${target}/status-access`, body, tenant.adminToken);
    if (response.status !== 200) throw new Error(`status-access put: ${response.status} ${JSON.stringify(response.body)}`);
  }

  async function taskCount(): Promise<number> {
    return (await stack.http.get('/api/v1/tasks?limit=100', tenant.adminToken)).body.items.length;
  }

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'tis');
    clerk = await signedInEmployee(stack, tenant, { firstName: 'Clara' });
    const everyone = { roles: [{ role: 'participant', kind: 'any' }] };
    workflow = await createTaskWorkflow(
      stack,
      tenant,
      [
        ['Inbox', 'initial'],
        ['Triage', 'initial'],
        ['Working', 'active'],
        ['Done', 'final'],
      ],
      [
        ['Inbox', 'Working', everyone],
        ['Triage', 'Working', everyone],
        ['Working', 'Done', everyone],
      ],
    );
    const groups = await stack.http.get('/api/v1/groups', tenant.adminToken);
    employeesGroupId = groups.body.find((group: any) => group.systemKey === 'employee').id;
    // Levels can be set once the task workflow reached the permissions service.
    await eventually(async () => levels(`staff/${clerk.id}`, { Inbox: null }), SLOW);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  afterEach(async () => {
    await levels(`staff/${clerk.id}`, { Inbox: null, Triage: null });
    await levels(`groups/${employeesGroupId}`, { Inbox: null, Triage: null });
  });

  it('starts in the first initial status by default (everyone may set task statuses)', async () => {
    const created = await stack.http.post('/api/v1/tasks', { title: 'Call back', workflowId: workflow.body.id }, clerk.token);
    expect([created.status, created.body.status?.name]).toEqual([201, 'Inbox']);
  });

  it("skips an initial status the creator's own level hides, and the task stays readable", async () => {
    await levels(`staff/${clerk.id}`, { Inbox: 'none' });
    const created = await stack.http.post('/api/v1/tasks', { title: 'Order toner', workflowId: workflow.body.id }, clerk.token);
    expect([created.status, created.body.status?.name]).toEqual([201, 'Triage']);
    expect((await stack.http.get(`/api/v1/tasks/${created.body.id}`, clerk.token)).status).toBe(200);
  });

  it("a group's view on an initial status is not enough to start there", async () => {
    await levels(`groups/${employeesGroupId}`, { Inbox: 'view' });
    const created = await stack.http.post('/api/v1/tasks', { title: 'Fix the door', workflowId: workflow.body.id }, clerk.token);
    expect([created.status, created.body.status?.name]).toEqual([201, 'Triage']);
    // The administrator keeps the task default and starts in Inbox.
    const byAdmin = await stack.http.post('/api/v1/tasks', { title: 'Fix the window', workflowId: workflow.body.id }, tenant.adminToken);
    expect([byAdmin.status, byAdmin.body.status?.name]).toEqual([201, 'Inbox']);
  });

  it('no initial status the creator may set: 403 naming the statuses, and nothing is created', async () => {
    await levels(`staff/${clerk.id}`, { Inbox: 'none', Triage: 'view' });
    const before = await taskCount();
    const refused = await stack.http.post('/api/v1/tasks', { title: 'Nowhere', workflowId: workflow.body.id }, clerk.token);
    expect([refused.status, refused.body.code]).toEqual([403, 'TASK.NO_INITIAL_STATUS_ALLOWED']);
    expect(refused.body.detail).toContain("'Inbox'");
    expect(refused.body.detail).toContain("'Triage'");
    expect(await taskCount()).toBe(before);
  });

  it("a template's initial status needs set too: refused with the status named, allowed once the level allows", async () => {
    const template = await stack.http.post(
      '/api/v1/templates',
      { name: 'Request', workflowId: workflow.body.id, initialStatusId: workflow.status.Triage },
      tenant.adminToken,
    );
    expect(template.status).toBe(201);
    await levels(`staff/${clerk.id}`, { Triage: 'view' });
    const before = await taskCount();
    const refused = await stack.http.post('/api/v1/tasks', { title: 'From the form', templateId: template.body.id }, clerk.token);
    expect([refused.status, refused.body.code]).toEqual([403, 'TASK.NO_INITIAL_STATUS_ALLOWED']);
    expect(refused.body.detail).toContain("'Triage'");
    expect(refused.body.detail).not.toContain("'Inbox'");
    expect(await taskCount()).toBe(before);
    await levels(`staff/${clerk.id}`, { Triage: 'set' });
    const created = await stack.http.post('/api/v1/tasks', { title: 'From the form', templateId: template.body.id }, clerk.token);
    expect([created.status, created.body.status?.name]).toEqual([201, 'Triage']);
  });

  it('an unknown workflow or a missing one stays a 422 naming the field', async () => {
    const unknown = await stack.http.post(
      '/api/v1/tasks',
      { title: 'Ghost', workflowId: '01900000-0000-7000-8000-000000000000' },
      clerk.token,
    );
    expect([unknown.status, unknown.body.errors?.[0]?.field]).toEqual([422, 'workflowId']);
    const missing = await stack.http.post('/api/v1/tasks', { title: 'Ghost' }, clerk.token);
    expect([missing.status, missing.body.errors?.[0]?.field]).toEqual([422, 'workflowId']);
  });
});
