import { eventually } from '@warden/testing';
import { Stack } from './support/stack';
import { createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';
import { signedInEmployee } from './orders.fixtures';
import type { Person } from './orders.fixtures';
import { createTask, createTaskWorkflow, moveTask, transitionsFor } from './tasks.fixtures';

/** Workflow events reach the permissions service's read model asynchronously. */
const SLOW = { timeoutMs: 20_000 };
jest.setTimeout(60_000);

/**
 * Issue 5 item 4: the per-status access levels of the orders apply to task workflows too (default:
 * everyone may set every task status). The "Statuses" screens list task workflows with their kind,
 * accept levels on task statuses, and the task rule refuses a move into a status the person only
 * has `view` on — with the reason in the transitions answer and in explain.
 */
describe('tasks: per-status access levels', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let lawyer: Person;
  let clerk: Person;
  let workflow: { body: any; status: Record<string, string> };
  let employeesGroupId: string;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'tsa');
    lawyer = await signedInEmployee(stack, tenant, { firstName: 'Lawrence' });
    clerk = await signedInEmployee(stack, tenant, { firstName: 'Clara' });
    const everyone = { roles: [{ role: 'participant', kind: 'any' }] };
    workflow = await createTaskWorkflow(
      stack,
      tenant,
      [
        ['Open', 'initial'],
        ['Review', 'active'],
        ['Signed', 'final'],
      ],
      [
        ['Open', 'Review', everyone],
        ['Open', 'Signed', everyone],
        ['Review', 'Signed', everyone],
      ],
    );
    const groups = await stack.http.get('/api/v1/groups', tenant.adminToken);
    employeesGroupId = groups.body.find((group: any) => group.systemKey === 'employee').id;
    // The task workflow reaches the read model behind the screens.
    await eventually(async () => {
      const card = await stack.http.get(`/api/v1/staff/${lawyer.id}/status-access`, tenant.adminToken);
      if (!card.body.workflows?.some((w: any) => w.workflowId === workflow.body.id))
        throw new Error('task workflow not yet known to permissions');
    }, SLOW);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  function taskWorkflowOf(body: any): any {
    return body.workflows.find((w: any) => w.workflowId === workflow.body.id);
  }

  async function newTask(): Promise<any> {
    return createTask(stack, tenant.adminToken, {
      workflowId: workflow.body.id,
      participants: [
        { personId: lawyer.id, role: 'assignee' },
        { personId: clerk.id, role: 'assignee' },
      ],
    });
  }

  it('the screens list task workflows with their kind, after the order workflows; the task default is set for everyone', async () => {
    const card = await stack.http.get(`/api/v1/staff/${lawyer.id}/status-access`, tenant.adminToken);
    expect(card.status).toBe(200);
    expect(card.body.workflows.map((w: any) => w.kind)).toEqual(['order', 'task']);
    const tasks = taskWorkflowOf(card.body);
    expect(tasks).toMatchObject({ name: workflow.body.name, kind: 'task' });
    // Even the final status: unlike orders, employees may set it by default.
    expect(tasks.statuses.map((s: any) => [s.name, s.level, s.source])).toEqual([
      ['Open', 'set', 'default'],
      ['Review', 'set', 'default'],
      ['Signed', 'set', 'default'],
    ]);
    const group = await stack.http.get(`/api/v1/groups/${employeesGroupId}/status-access`, tenant.adminToken);
    expect(taskWorkflowOf(group.body).statuses.map((s: any) => [s.level, s.explicit])).toEqual([
      ['set', false],
      ['set', false],
      ['set', false],
    ]);
  });

  it('a personal view on a task status: the move is refused with STATUS.NO_SET_ON_TARGET, in transitions, explain and the move itself', async () => {
    const put = await stack.http.put(
      `/api/v1/staff/${lawyer.id}/status-access`,
      { levels: [{ statusId: workflow.status.Signed, level: 'view' }] },
      tenant.adminToken,
    );
    expect(put.status).toBe(200);
    expect(taskWorkflowOf(put.body).statuses.find((s: any) => s.name === 'Signed')).toMatchObject({
      level: 'view',
      override: 'view',
      source: 'person',
    });
    const task = await newTask();

    const own = await stack.http.get(`/api/v1/tasks/${task.id}/transitions`, lawyer.token);
    expect(own.status).toBe(200);
    const answers = Object.fromEntries(own.body.transitions.map((t: any) => [t.name, t]));
    expect(answers.Signed).toMatchObject({
      transition: true,
      allowed: false,
      code: 'STATUS.NO_SET_ON_TARGET',
      reason: "No right to set status 'Signed'",
    });
    expect(answers.Review).toMatchObject({ allowed: true, code: 'ALLOWED.TRANSITION_ROLE' });

    const explained = await transitionsFor(stack, tenant, task.id, lawyer.id);
    expect(explained.Signed.steps).toContainEqual({
      rule: 'status.target.set',
      effect: 'deny',
      detail: expect.stringContaining("personal override 'view'"),
    });
    const resource = JSON.stringify({ type: 'task', taskId: task.id, targetStatusId: workflow.status.Signed });
    const explain = await stack.http.get(
      `/api/v1/permissions/explain?personId=${lawyer.id}&action=task.change-status&resource=${encodeURIComponent(resource)}`,
      tenant.adminToken,
    );
    expect(explain.status).toBe(200);
    expect(explain.body).toMatchObject({ allowed: false, code: 'STATUS.NO_SET_ON_TARGET' });

    const refused = await moveTask(stack, lawyer.token, task.id, workflow.status.Signed!);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('STATUS.NO_SET_ON_TARGET');
    expect((await stack.http.get(`/api/v1/tasks/${task.id}`, lawyer.token)).body.status.name).toBe('Open');
    // The colleague, holding the same grant, keeps the default and moves it.
    expect((await moveTask(stack, clerk.token, task.id, workflow.status.Signed!)).status).toBe(200);
  });

  it('a group level on a task status applies to its members; resetting it restores the default', async () => {
    const restrict = await stack.http.put(
      `/api/v1/groups/${employeesGroupId}/status-access`,
      { levels: [{ statusId: workflow.status.Review, level: 'view' }] },
      tenant.adminToken,
    );
    expect(restrict.status).toBe(200);
    expect(taskWorkflowOf(restrict.body).statuses.find((s: any) => s.name === 'Review')).toMatchObject({ level: 'view', explicit: true });
    const task = await newTask();
    const refused = await moveTask(stack, clerk.token, task.id, workflow.status.Review!);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('STATUS.NO_SET_ON_TARGET');

    const reset = await stack.http.put(
      `/api/v1/groups/${employeesGroupId}/status-access`,
      { levels: [{ statusId: workflow.status.Review, level: null }] },
      tenant.adminToken,
    );
    expect(taskWorkflowOf(reset.body).statuses.find((s: any) => s.name === 'Review')).toMatchObject({ level: 'set', explicit: false });
    expect((await moveTask(stack, clerk.token, task.id, workflow.status.Review!)).status).toBe(200);
  });

  it('explain takes the steps enforcement takes: without tasks.read the move is refused in transitions, explain and the move itself', async () => {
    const denied = await signedInEmployee(stack, tenant, { firstName: 'Dennis' });
    const task = await createTask(stack, tenant.adminToken, {
      workflowId: workflow.body.id,
      participants: [{ personId: denied.id, role: 'assignee' }],
    });
    expect((await transitionsFor(stack, tenant, task.id, denied.id)).Review).toMatchObject({ allowed: true });

    const put = await stack.http.put(`/api/v1/staff/${denied.id}/rights`, { right: 'tasks.read', effect: 'deny' }, tenant.adminToken);
    expect(put.status).toBe(200);

    const own = await stack.http.get(`/api/v1/tasks/${task.id}/transitions`, denied.token);
    expect([own.status, own.body.code]).toEqual([403, 'RIGHT.DENIED_PERSONALLY']);
    const moved = await moveTask(stack, denied.token, task.id, workflow.status.Review!);
    expect([moved.status, moved.body.code]).toEqual([403, 'RIGHT.DENIED_PERSONALLY']);

    const explained = await transitionsFor(stack, tenant, task.id, denied.id);
    expect(explained.Review).toMatchObject({ allowed: false, code: 'RIGHT.DENIED_PERSONALLY' });
    expect(explained.Review.steps).toContainEqual(expect.objectContaining({ rule: 'override.personal', effect: 'deny' }));
    const resource = JSON.stringify({ type: 'task', taskId: task.id, targetStatusId: workflow.status.Review });
    for (const action of ['task.change-status', 'task.read']) {
      const explain = await stack.http.get(
        `/api/v1/permissions/explain?personId=${denied.id}&action=${action}&resource=${encodeURIComponent(resource)}`,
        tenant.adminToken,
      );
      expect([explain.status, explain.body.allowed, explain.body.code]).toEqual([200, false, 'RIGHT.DENIED_PERSONALLY']);
    }
    expect((await stack.http.get(`/api/v1/tasks/${task.id}`, tenant.adminToken)).body.status.name).toBe('Open');
  });

  it('a level still needs the transition: set on a status does not open a move the workflow does not have', async () => {
    const task = await newTask();
    const answers = await transitionsFor(stack, tenant, task.id, clerk.id);
    expect(answers.Review.allowed).toBe(true);
    const moved = await moveTask(stack, clerk.token, task.id, workflow.status.Signed!);
    expect(moved.status).toBe(200);
    const back = await moveTask(stack, clerk.token, task.id, workflow.status.Open!);
    expect(back.status).toBe(403);
    expect(back.body.code).toBe('TRANSITION.NONE');
  });
});
