import { readEvents } from '@warden/testing';
import { WorkflowChangedV1 } from '@warden/contracts';
import { Stack } from './support/stack';
import { createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';
import { signedInEmployee } from './orders.fixtures';
import type { Person } from './orders.fixtures';
import { createTask, createTaskWorkflow, moveTask } from './tasks.fixtures';

jest.setTimeout(60_000);
const NOBODY = '01900000-0000-7000-8000-000000000000';

/**
 * Extending one transition grant should not need the whole workflow: transitions are added,
 * changed and removed one by one (`workflows.manage`), with the field names a workflow read shows
 * (`fromStatusId`, `toStatusId`, `grants`); each change publishes the workflow-changed event the
 * whole update publishes, and the next move of a task follows it. `PATCH /workflows/{id}` keeps working.
 */
describe('workflows: transitions one by one', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let lawyer: Person;
  let clerk: Person;
  let workflow: { body: any; status: Record<string, string> };
  let other: { body: any; status: Record<string, string> };

  const base = () => `/api/v1/workflows/${workflow.body.id}/transitions`;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'wtr');
    lawyer = await signedInEmployee(stack, tenant, { firstName: 'Lawrence' });
    clerk = await signedInEmployee(stack, tenant, { firstName: 'Clara' });
    workflow = await createTaskWorkflow(
      stack,
      tenant,
      [
        ['Open', 'initial'],
        ['Review', 'active'],
        ['Signed', 'final'],
      ],
      [['Open', 'Review', { roles: [{ role: 'assignee', kind: 'employee' }] }]],
    );
    other = await createTaskWorkflow(stack, tenant, [['Elsewhere', 'initial']], []);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('adds a transition with the names a read shows; the next move follows it; the workflow-changed event goes out', async () => {
    const task = await createTask(stack, tenant.adminToken, {
      workflowId: workflow.body.id,
      participants: [{ personId: lawyer.id, role: 'assignee' }],
    });
    const before = await moveTask(stack, lawyer.token, task.id, workflow.status.Signed!);
    expect([before.status, before.body.code]).toEqual([403, 'TRANSITION.NONE']);

    const added = await stack.http.post(
      base(),
      {
        fromStatusId: workflow.status.Open,
        toStatusId: workflow.status.Signed,
        grants: { roles: [{ role: 'assignee', kind: 'employee' }] },
      },
      tenant.adminToken,
    );
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      id: expect.any(String),
      fromStatusId: workflow.status.Open,
      toStatusId: workflow.status.Signed,
      grants: { roles: [{ role: 'assignee', kind: 'employee' }], groupIds: [], personIds: [] },
    });
    const read = await stack.http.get(`/api/v1/workflows/${workflow.body.id}`, tenant.adminToken);
    expect(read.body.transitions).toHaveLength(2);
    expect(read.body.transitions).toContainEqual(added.body);

    const moved = await moveTask(stack, lawyer.token, task.id, workflow.status.Signed!);
    expect([moved.status, moved.body.status?.name]).toEqual([200, 'Signed']);
    const events = await readEvents(WorkflowChangedV1.type, (event) => event.subject === workflow.body.id);
    expect(events.length).toBeGreaterThanOrEqual(2);
  });

  it('changes one grant: naming a person lets that person move; the others stay as they were', async () => {
    const current = (await stack.http.get(`/api/v1/workflows/${workflow.body.id}`, tenant.adminToken)).body;
    const review = current.transitions.find((t: any) => t.toStatusId === workflow.status.Review);
    const task = await createTask(stack, tenant.adminToken, {
      workflowId: workflow.body.id,
      participants: [{ personId: lawyer.id, role: 'assignee' }],
    });
    expect((await moveTask(stack, clerk.token, task.id, workflow.status.Review!)).status).toBe(404);

    const changed = await stack.http.patch(
      `${base()}/${review.id}`,
      { grants: { roles: [{ role: 'assignee', kind: 'employee' }], personIds: [clerk.id] } },
      tenant.adminToken,
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      ...review,
      grants: { roles: [{ role: 'assignee', kind: 'employee' }], groupIds: [], personIds: [clerk.id] },
    });
    const after = (await stack.http.get(`/api/v1/workflows/${workflow.body.id}`, tenant.adminToken)).body;
    expect(after.transitions.filter((t: any) => t.id !== review.id)).toEqual(current.transitions.filter((t: any) => t.id !== review.id));
    // The clerk named on the grant takes part (as an auditor) and may now move the task.
    expect(
      (
        await stack.http.patch(
          `/api/v1/tasks/${task.id}/participants`,
          { add: [{ personId: clerk.id, role: 'auditor' }] },
          tenant.adminToken,
        )
      ).status,
    ).toBe(200);
    const moved = await moveTask(stack, clerk.token, task.id, workflow.status.Review!);
    expect([moved.status, moved.body.status?.name]).toEqual([200, 'Review']);
  });

  it('removes one transition: the move it allowed is gone; removing it again is 404', async () => {
    const added = await stack.http.post(
      base(),
      { fromStatusId: workflow.status.Review, toStatusId: workflow.status.Open, grants: { roles: [{ role: 'participant', kind: 'any' }] } },
      tenant.adminToken,
    );
    expect(added.status).toBe(201);
    const task = await createTask(stack, tenant.adminToken, {
      workflowId: workflow.body.id,
      participants: [{ personId: lawyer.id, role: 'assignee' }],
    });
    expect((await moveTask(stack, lawyer.token, task.id, workflow.status.Review!)).status).toBe(200);
    const removed = await stack.http.delete(`${base()}/${added.body.id}`, tenant.adminToken);
    expect([removed.status, removed.body]).toEqual([200, { deleted: true }]);
    const read = (await stack.http.get(`/api/v1/workflows/${workflow.body.id}`, tenant.adminToken)).body;
    expect(read.transitions.map((t: any) => t.id)).not.toContain(added.body.id);
    const back = await moveTask(stack, lawyer.token, task.id, workflow.status.Open!);
    expect([back.status, back.body.code]).toEqual([403, 'TRANSITION.NONE']);
    const again = await stack.http.delete(`${base()}/${added.body.id}`, tenant.adminToken);
    expect([again.status, again.body.code]).toEqual([404, 'TRANSITION.NOT_FOUND']);
    const change = await stack.http.patch(`${base()}/${added.body.id}`, { grants: {} }, tenant.adminToken);
    expect([change.status, change.body.code]).toEqual([404, 'TRANSITION.NOT_FOUND']);
  });

  it('refuses bad input with nothing changed: duplicate 409, unknown or foreign status 422 naming the field', async () => {
    const before = (await stack.http.get(`/api/v1/workflows/${workflow.body.id}`, tenant.adminToken)).body;
    const cases: Array<[Record<string, unknown>, number, string, string | undefined]> = [
      [{ fromStatusId: workflow.status.Open, toStatusId: workflow.status.Review }, 409, 'TRANSITION.EXISTS', undefined],
      [{ fromStatusId: workflow.status.Open, toStatusId: NOBODY }, 422, 'TRANSITION.UNKNOWN_STATUS', 'toStatusId'],
      [{ fromStatusId: other.status.Elsewhere, toStatusId: workflow.status.Review }, 422, 'TRANSITION.OTHER_WORKFLOW', 'fromStatusId'],
      [{ fromStatusId: workflow.status.Open, toStatusId: workflow.status.Open }, 422, 'TRANSITION.SAME_STATUS', 'toStatusId'],
      [
        { fromStatusId: workflow.status.Review, toStatusId: workflow.status.Signed, grants: { groupIds: [NOBODY] } },
        422,
        'GROUP.UNKNOWN',
        'grants.groupIds.0',
      ],
      [
        { fromStatusId: workflow.status.Review, toStatusId: workflow.status.Signed, grants: { personIds: [NOBODY] } },
        422,
        'PERSON.UNKNOWN',
        'grants.personIds.0',
      ],
      [{ fromStatusId: 'Open', toStatusId: workflow.status.Review }, 422, 'REQUEST.INVALID', 'fromStatusId'],
      [{ toStatusId: workflow.status.Review }, 422, 'REQUEST.INVALID', 'fromStatusId'],
    ];
    for (const [body, status, code, field] of cases) {
      const refused = await stack.http.post(base(), body, tenant.adminToken);
      expect([JSON.stringify(body), refused.status, refused.body.code]).toEqual([JSON.stringify(body), status, code]);
      if (field) expect(refused.body.errors?.map((error: any) => error.field)).toContain(field);
    }
    const badGrant = await stack.http.patch(
      `${base()}/${before.transitions[0].id}`,
      { grants: { roles: [{ role: 'boss', kind: 'employee' }] } },
      tenant.adminToken,
    );
    expect([badGrant.status, badGrant.body.errors?.[0]?.field]).toEqual([422, 'grants.roles.0.role']);
    expect((await stack.http.get(`/api/v1/workflows/${workflow.body.id}`, tenant.adminToken)).body.transitions).toEqual(before.transitions);
  });

  it('an unknown workflow is 404, an order workflow has no transitions (422), and only workflows.manage may change them (403)', async () => {
    const unknown = await stack.http.post(
      `/api/v1/workflows/${NOBODY}/transitions`,
      { fromStatusId: workflow.status.Open, toStatusId: workflow.status.Review },
      tenant.adminToken,
    );
    expect([unknown.status, unknown.body.code]).toEqual([404, 'WORKFLOW.NOT_FOUND']);
    const orders = (await stack.http.get('/api/v1/workflows?kind=order', tenant.adminToken)).body[0];
    const free = await stack.http.post(
      `/api/v1/workflows/${orders.id}/transitions`,
      { fromStatusId: orders.statuses[0].id, toStatusId: orders.statuses[1].id },
      tenant.adminToken,
    );
    expect([free.status, free.body.code]).toEqual([422, 'TRANSITION.FREE_WORKFLOW']);
    const transitionId = (await stack.http.get(`/api/v1/workflows/${workflow.body.id}`, tenant.adminToken)).body.transitions[0].id;
    const attempts = [
      await stack.http.post(base(), { fromStatusId: workflow.status.Review, toStatusId: workflow.status.Signed }, clerk.token),
      await stack.http.patch(`${base()}/${transitionId}`, { grants: {} }, clerk.token),
      await stack.http.delete(`${base()}/${transitionId}`, clerk.token),
    ];
    expect(attempts.map((response) => response.status)).toEqual([403, 403, 403]);
  });

  it('PATCH /workflows/{id} keeps working, and takes the transitions back as a read shows them (ids kept)', async () => {
    const read = (await stack.http.get(`/api/v1/workflows/${workflow.body.id}`, tenant.adminToken)).body;
    const written = await stack.http.patch(`/api/v1/workflows/${workflow.body.id}`, { transitions: read.transitions }, tenant.adminToken);
    expect(written.status).toBe(200);
    expect(written.body.transitions).toEqual(read.transitions);
    // The older spelling (`from`/`to` by id or by name) still works.
    const byName = await stack.http.patch(
      `/api/v1/workflows/${workflow.body.id}`,
      { transitions: [{ from: 'Open', to: 'Review', grants: { roles: [{ role: 'assignee', kind: 'any' }] } }] },
      tenant.adminToken,
    );
    expect(byName.status).toBe(200);
    expect(byName.body.transitions).toEqual([
      expect.objectContaining({ fromStatusId: workflow.status.Open, toStatusId: workflow.status.Review }),
    ]);
  });
});
