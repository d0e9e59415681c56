import { TaskParticipantsChangedV1 } from '@warden/contracts';
import { eventually, readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';
import { signedInEmployee } from './orders.fixtures';
import type { Person } from './orders.fixtures';
import { createPortalContact } from './contact.fixtures';
import type { PortalContactFixture } from './contact.fixtures';
import { createTask, createTaskWorkflow, moveTask, transitionsFor } from './tasks.fixtures';

/**
 * A task keeps at least one assigner ("who set the task"): the participants endpoint refuses a
 * change that would take away the last one, writing nothing, while removing one of two assigners
 * and replacing the assigner in one request work. Deleting the assigner's employee record does not
 * take the role away either: the task still shows who set it until someone replaces it.
 */
describe('tasks: participants keep an assigner', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let lawyer: Person;
  let partner: Person;
  let client: PortalContactFixture;
  let workflow: { body: any; status: Record<string, string> };
  let task: any;

  const participantsOf = async (): Promise<any> => {
    const response = await stack.http.get(`/api/v1/tasks/${task.id}`, tenant.adminToken);
    expect(response.status).toBe(200);
    return response.body;
  };
  const change = (body: Record<string, unknown>) => stack.http.patch(`/api/v1/tasks/${task.id}/participants`, body, tenant.adminToken);
  /** Every participants-changed event of this task on the stream, once at least `count` arrived. */
  const participantEvents = (count: number, timeoutMs = 5000) =>
    readEvents(TaskParticipantsChangedV1.type, (event: any) => event.subject === task.id, { atLeast: count, timeoutMs });
  const assigners = (body: any): string[] => body.participants.filter((p: any) => p.role === 'assigner').map((p: any) => p.personId);

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'assigner');
    lawyer = await signedInEmployee(stack, tenant, { firstName: 'Lawyer' });
    partner = await signedInEmployee(stack, tenant, { firstName: 'Partner' });
    client = await createPortalContact(stack, tenant, { firstName: 'Client' });
    workflow = await createTaskWorkflow(
      stack,
      tenant,
      [
        ['Open', 'initial'],
        ['Accepted', 'final'],
      ],
      [['Open', 'Accepted', { roles: [{ role: 'assigner', kind: 'any' }] }]],
    );
    // The administrator creates the task (and so is its only assigner) and stays an auditor, to keep seeing it.
    task = await createTask(stack, tenant.adminToken, {
      workflowId: workflow.body.id,
      participants: [
        { personId: tenant.adminId, role: 'auditor' },
        { personId: lawyer.id, role: 'assignee' },
      ],
    });
    expect(assigners(task)).toEqual([tenant.adminId]);
  }, 60_000);

  afterAll(() => stack?.stop());

  it('refuses removing the only assigner with 422 naming the removal; nothing changes and nothing is published', async () => {
    const before = await participantsOf();

    const alone = await change({ remove: [{ personId: tenant.adminId, role: 'assigner' }] });
    expect(alone.status).toBe(422);
    expect(alone.headers.get('content-type')).toContain('application/problem+json');
    expect(alone.body).toMatchObject({ status: 422, code: 'TASK.ASSIGNER_REQUIRED' });
    expect(alone.body.errors).toEqual([{ field: 'remove.0', reason: expect.stringContaining('a task keeps at least one assigner') }]);

    // Valid parts of the same request are not applied either: the auditor is not added, the assignee not removed.
    const mixed = await change({
      add: [{ personId: partner.id, role: 'auditor' }],
      remove: [
        { personId: lawyer.id, role: 'assignee' },
        { personId: tenant.adminId.toUpperCase(), role: 'assigner' },
      ],
    });
    expect(mixed.status).toBe(422);
    expect(mixed.body.code).toBe('TASK.ASSIGNER_REQUIRED');
    expect(mixed.body.errors).toEqual([{ field: 'remove.1', reason: expect.any(String) }]);

    const after = await participantsOf();
    expect(after.participants).toEqual(before.participants);
    expect({ version: after.version, updatedAt: after.updatedAt }).toEqual({ version: before.version, updatedAt: before.updatedAt });
    expect((await stack.http.get(`/api/v1/tasks/${task.id}/participants`, tenant.adminToken)).body).toEqual(before.participants);
    expect(await participantEvents(1, 1500)).toEqual([]);
  });

  it('with two assigners, removing one works and is published', async () => {
    const added = await change({ add: [{ personId: partner.id, role: 'assigner' }] });
    expect(added.status).toBe(200);
    expect(assigners(added.body).sort()).toEqual([tenant.adminId, partner.id].sort());

    const removed = await change({ remove: [{ personId: tenant.adminId, role: 'assigner' }] });
    expect(removed.status).toBe(200);
    expect(assigners(removed.body)).toEqual([partner.id]);
    expect(removed.body.participants).toContainEqual({ personId: tenant.adminId, kind: 'employee', role: 'auditor' });

    // Exactly the two accepted changes: the refused ones above left no event behind.
    const events = await participantEvents(2);
    expect(events).toHaveLength(2);
    expect(events.map((event) => event.data)).toEqual([
      expect.objectContaining({ added: [{ personId: partner.id, kind: 'employee', role: 'assigner' }], removed: [] }),
      expect.objectContaining({
        added: [],
        removed: [{ personId: tenant.adminId, kind: 'employee', role: 'assigner' }],
        actorId: tenant.adminId,
      }),
    ]);
  });

  it('replaces the only assigner by another person (here a contact) in one request; the new assigner can use its grants', async () => {
    const replaced = await change({
      add: [{ personId: client.id, role: 'assigner' }],
      remove: [{ personId: partner.id, role: 'assigner' }],
    });
    expect(replaced.status).toBe(200);
    expect(assigners(replaced.body)).toEqual([client.id]);
    const events = await participantEvents(3);
    expect(events).toHaveLength(3);
    expect(events[2]!.data).toMatchObject({
      added: [{ personId: client.id, kind: 'contact', role: 'assigner' }],
      removed: [{ personId: partner.id, kind: 'employee', role: 'assigner' }],
    });

    // The assigners' transition follows the role: the contact may accept the task now, the partner no longer.
    expect((await transitionsFor(stack, tenant, task.id, client.id)).Accepted).toMatchObject({
      allowed: true,
      code: 'ALLOWED.TRANSITION_ROLE',
    });
    expect((await transitionsFor(stack, tenant, task.id, partner.id)).Accepted.allowed).toBe(false);
  });

  it('a deleted employee stays the assigner until replaced; removing it alone is still refused', async () => {
    // The lawyer becomes the only assigner, then its employee record is deleted.
    const handed = await change({ add: [{ personId: lawyer.id, role: 'assigner' }], remove: [{ personId: client.id, role: 'assigner' }] });
    expect(handed.status).toBe(200);
    expect((await stack.http.delete(`/api/v1/staff/${lawyer.id}`, tenant.adminToken)).status).toBe(200);

    // Once the workflow service has consumed the deletion, the lawyer can no longer be added to anything —
    // probed with a request that is refused either way, so it writes nothing while waiting.
    await eventually(
      async () => {
        const probe = await change({
          add: [{ personId: lawyer.id, role: 'auditor' }],
          remove: [{ personId: lawyer.id, role: 'assigner' }],
        });
        expect(probe.status).toBe(422);
        expect(probe.body).toMatchObject({ code: 'PERSON.UNKNOWN', errors: [{ field: 'add.0.personId' }] });
      },
      { timeoutMs: 10_000, intervalMs: 200 },
    );

    const current = await participantsOf();
    expect(current.participants).toContainEqual({ personId: lawyer.id, kind: 'employee', role: 'assigner' });
    expect(assigners(current)).toEqual([lawyer.id]);

    const alone = await change({ remove: [{ personId: lawyer.id, role: 'assigner' }] });
    expect(alone.status).toBe(422);
    expect(alone.body.code).toBe('TASK.ASSIGNER_REQUIRED');

    const replaced = await change({
      add: [{ personId: partner.id, role: 'assigner' }],
      remove: [{ personId: lawyer.id, role: 'assigner' }],
    });
    expect(replaced.status).toBe(200);
    expect(assigners(replaced.body)).toEqual([partner.id]);
    const moved = await moveTask(stack, partner.token, task.id, workflow.status.Accepted!);
    expect(moved.status).toBe(200);
    expect(moved.body.status.name).toBe('Accepted');
  });
});
