import { Stack } from './support/stack';
import { createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';
import { signedInEmployee } from './orders.fixtures';
import type { Person } from './orders.fixtures';
import { createTask, createTaskWorkflow } from './tasks.fixtures';
import { createPortalContact } from './contact.fixtures';

/**
 * `tasks.read-all`: an employee holding it (administrators do) sees every task of the tenant,
 * in lists and reads, as `GET /tasks/{id}/transitions?personId=` already answered; a contact never.
 */
describe('tasks: every task of the tenant (tasks.read-all)', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let worker: Person;
  let auditor: Person;
  let task: any;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'tra');
    worker = await signedInEmployee(stack, tenant, { firstName: 'Walter' });
    auditor = await signedInEmployee(stack, tenant, { firstName: 'Aud' });
    const workflow = await createTaskWorkflow(
      stack,
      tenant,
      [
        ['Open', 'initial'],
        ['Done', 'final'],
      ],
      [['Open', 'Done', { roles: [{ role: 'participant', kind: 'any' }] }]],
    );
    task = await createTask(stack, tenant.adminToken, {
      title: 'Count the stock',
      workflowId: workflow.body.id,
      participants: [{ personId: worker.id, role: 'assignee' }],
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const listed = async (token: string) => (await stack.http.get('/api/v1/tasks?limit=100', token)).body.items.map((item: any) => item.id);
  const grant = (personId: string, effect: 'allow' | 'deny' | null) =>
    stack.http.put(`/api/v1/staff/${personId}/rights`, { right: 'tasks.read-all', effect }, tenant.adminToken);

  it('the administrator sees a task it takes no part in', async () => {
    expect(await listed(tenant.adminToken)).toContain(task.id);
    expect((await stack.http.get(`/api/v1/tasks/${task.id}`, tenant.adminToken)).status).toBe(200);
  });

  it('an employee sees it only while holding the right', async () => {
    expect(await listed(auditor.token)).not.toContain(task.id);
    expect((await stack.http.get(`/api/v1/tasks/${task.id}`, auditor.token)).status).toBe(404);
    expect((await grant(auditor.id, 'allow')).status).toBe(200);
    expect(await listed(auditor.token)).toContain(task.id);
    expect((await stack.http.get(`/api/v1/tasks/${task.id}`, auditor.token)).status).toBe(200);
    const explained = await stack.http.get(
      `/api/v1/permissions/explain?personId=${auditor.id}&action=task.read&resource=${encodeURIComponent(JSON.stringify({ type: 'task', taskId: task.id }))}`,
      tenant.adminToken,
    );
    expect(explained.body.steps).toContainEqual(expect.objectContaining({ rule: 'task.all', effect: 'allow' }));
    expect((await grant(auditor.id, null)).status).toBe(200);
    expect((await stack.http.get(`/api/v1/tasks/${task.id}`, auditor.token)).status).toBe(404);
  });

  it('a contact never sees tasks it takes no part in, even granted the right', async () => {
    const contact = await createPortalContact(stack, tenant);
    const clients = (await stack.http.get('/api/v1/groups', tenant.adminToken)).body.find((group: any) => group.systemKey === 'client');
    expect(
      (await stack.http.patch(`/api/v1/groups/${clients.id}`, { rights: [...clients.rights, 'tasks.read-all'] }, tenant.adminToken)).status,
    ).toBe(200);
    expect(await listed(contact.token)).not.toContain(task.id);
    expect((await stack.http.get(`/api/v1/tasks/${task.id}`, contact.token)).status).toBe(404);
  });
});
