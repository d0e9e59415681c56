import { eventually } from '@warden/testing';
import { Stack } from './support/stack';
import { createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';
import { signedInEmployee } from './orders.fixtures';
import type { Person } from './orders.fixtures';
import { createTask, createTaskWorkflow } from './tasks.fixtures';

/** Directory events reach permissions (and policy changes the gateway) asynchronously. */
const SLOW = { timeoutMs: 20_000 };
jest.setTimeout(60_000);

/**
 * Issue 5 item 5 over HTTP: with `tasks.read-department` an employee sees the tasks in which a
 * member of one of its departments takes part; a department colleague without the right and an
 * employee of another department (even with the right) get the same 404 as for a task that does
 * not exist.
 */
describe('tasks: department visibility (tasks.read-department)', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let lead: Person;
  let member: Person;
  let colleague: Person;
  let stranger: Person;
  let legal: any;
  let task: any;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'tdp');
    lead = await signedInEmployee(stack, tenant, { firstName: 'Lena', position: 'Head of legal' });
    member = await signedInEmployee(stack, tenant, { firstName: 'Mark', position: 'Lawyer' });
    colleague = await signedInEmployee(stack, tenant, { firstName: 'Carl', position: 'Lawyer' });
    stranger = await signedInEmployee(stack, tenant, { firstName: 'Sara', position: 'Accountant' });
    legal = await post('/api/v1/departments', { name: 'Legal', memberIds: [lead.id, member.id, colleague.id] });
    await post('/api/v1/departments', { name: 'Accounting', memberIds: [stranger.id] });
    for (const person of [lead, stranger]) {
      const granted = await stack.http.put(
        `/api/v1/staff/${person.id}/rights`,
        { right: 'tasks.read-department', effect: 'allow' },
        tenant.adminToken,
      );
      expect(granted.status).toBe(200);
    }
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
      title: 'Review the lease',
      workflowId: workflow.body.id,
      participants: [{ personId: member.id, role: 'assignee' }],
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  function post(path: string, body: Record<string, unknown>, expected = 201): Promise<any> {
    return stack.http.postExpecting(path, body, tenant.adminToken, expected);
  }

  async function listed(person: Person): Promise<string[]> {
    const response = await stack.http.get('/api/v1/tasks?limit=100', person.token);
    expect(response.status).toBe(200);
    return response.body.items.map((item: any) => item.id);
  }

  it('the participant itself sees the task', async () => {
    expect((await stack.http.get(`/api/v1/tasks/${task.id}`, member.token)).status).toBe(200);
  });

  it('an employee with tasks.read-department sees a task a member of its department takes part in: card, list, history, transitions', async () => {
    const card = await stack.http.get(`/api/v1/tasks/${task.id}`, lead.token);
    expect(card.status).toBe(200);
    expect(card.body.title).toBe('Review the lease');
    expect(await listed(lead)).toContain(task.id);
    expect((await stack.http.get(`/api/v1/tasks/${task.id}/history`, lead.token)).status).toBe(200);
    const transitions = await stack.http.get(`/api/v1/tasks/${task.id}/transitions`, lead.token);
    expect(transitions.status).toBe(200);
    // Seeing is not taking part: the grant is for participants only.
    expect(transitions.body.transitions[0]).toMatchObject({ name: 'Done', allowed: false, code: 'TRANSITION.NOT_GRANTED' });
  });

  it('explain names the department the task is seen through', async () => {
    const resource = JSON.stringify({ type: 'task', taskId: task.id });
    const explained = await stack.http.get(
      `/api/v1/permissions/explain?personId=${lead.id}&action=task.read&resource=${encodeURIComponent(resource)}`,
      tenant.adminToken,
    );
    expect(explained.status).toBe(200);
    expect(explained.body).toMatchObject({ allowed: true, code: 'ALLOWED.TASK_VISIBLE' });
    expect(explained.body.steps).toContainEqual(
      expect.objectContaining({ rule: 'task.department', detail: expect.stringContaining("'Legal'") }),
    );
  });

  it('a colleague of the same department without the right gets 404, as for a task that does not exist', async () => {
    const hidden = await stack.http.get(`/api/v1/tasks/${task.id}`, colleague.token);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('TASK.NOT_FOUND');
    expect((await stack.http.get(`/api/v1/tasks/${task.id}/history`, colleague.token)).status).toBe(404);
    expect((await stack.http.post(`/api/v1/tasks/${task.id}/status`, { statusId: task.status.id }, colleague.token)).status).toBe(404);
    expect(await listed(colleague)).not.toContain(task.id);
  });

  it('an employee of another department, even with the right, gets 404', async () => {
    const hidden = await stack.http.get(`/api/v1/tasks/${task.id}`, stranger.token);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('TASK.NOT_FOUND');
    expect(await listed(stranger)).not.toContain(task.id);
  });

  it('when the participant leaves the department, the head loses sight of the task (no stale cached decision)', async () => {
    expect((await stack.http.get(`/api/v1/tasks/${task.id}`, lead.token)).status).toBe(200);
    const removed = await stack.http.delete(`/api/v1/departments/${legal.id}/members/${member.id}`, tenant.adminToken);
    expect(removed.status).toBe(200);
    expect(await listed(lead)).not.toContain(task.id);
    await eventually(async () => {
      const response = await stack.http.get(`/api/v1/tasks/${task.id}`, lead.token);
      if (response.status !== 404) throw new Error(`still ${response.status}`);
    }, SLOW);
    await post(`/api/v1/departments/${legal.id}/members`, { personIds: [member.id] }, 200);
    await eventually(async () => {
      const response = await stack.http.get(`/api/v1/tasks/${task.id}`, lead.token);
      if (response.status !== 200) throw new Error(`still ${response.status}`);
    }, SLOW);
  });
});
