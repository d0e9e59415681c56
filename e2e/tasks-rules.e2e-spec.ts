import { Stack } from './support/stack';
import { createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';
import { signedInEmployee } from './orders.fixtures';
import type { Person } from './orders.fixtures';
import { createPortalContact } from './contact.fixtures';
import { createTask, createTaskWorkflow, moveTask, transitionsFor } from './tasks.fixtures';

const ROLES = ['assigner', 'assignee', 'auditor', 'participant'] as const;
const KINDS = ['employee', 'contact', 'any'] as const;
const target = (role: string, kind: string): string => `${role}-${kind}`;

describe('tasks: transition rights, roles × kinds × grants', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let workflow: { body: any; status: Record<string, string> };
  let task: any;
  const people: Record<string, { id: string; role: string | null; kind: 'employee' | 'contact' }> = {};
  let groupMember: Person;
  let outsider: Person;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'grants');
    const employee = async (name: string) => (await signedInEmployee(stack, tenant, { firstName: name })).id;
    const contact = async (name: string) => (await createPortalContact(stack, tenant, { firstName: name })).id;
    people['assigner (employee)'] = { id: tenant.adminId, role: 'assigner', kind: 'employee' };
    people['assigner (contact)'] = { id: await contact('Assigner'), role: 'assigner', kind: 'contact' };
    people['assignee (employee)'] = { id: await employee('Assignee'), role: 'assignee', kind: 'employee' };
    people['assignee (contact)'] = { id: await contact('Assignee'), role: 'assignee', kind: 'contact' };
    people['auditor (employee)'] = { id: await employee('Auditor'), role: 'auditor', kind: 'employee' };
    people['auditor (contact)'] = { id: await contact('Auditor'), role: 'auditor', kind: 'contact' };
    groupMember = await signedInEmployee(stack, tenant, { firstName: 'Grouped' });
    outsider = await signedInEmployee(stack, tenant, { firstName: 'Outsider' });
    const group = await stack.http.post('/api/v1/groups', { name: 'Senior lawyers', rights: [] }, tenant.adminToken);
    expect(group.status).toBe(201);
    expect(
      (await stack.http.post(`/api/v1/groups/${group.body.id}/members`, { personIds: [groupMember.id] }, tenant.adminToken)).status,
    ).toBe(200);

    // One target per grant, all from "Start", so one transitions answer shows every grant for a person.
    const grants: Array<[string, string, Record<string, unknown>]> = ROLES.flatMap((role) =>
      KINDS.map((kind): [string, string, Record<string, unknown>] => ['Start', target(role, kind), { roles: [{ role, kind }] }]),
    );
    grants.push(['Start', 'by group', { groupIds: [group.body.id] }]);
    grants.push(['Start', 'by name', { personIds: [people['assignee (contact)']!.id] }]);
    workflow = await createTaskWorkflow(
      stack,
      tenant,
      [['Start', 'initial'], ...grants.map(([, to]): [string, 'active'] => [to, 'active']), ['Unreachable', 'final']],
      grants,
    );
    const participants = Object.values(people)
      .filter((person) => person.id !== tenant.adminId)
      .map((person) => ({ personId: person.id, role: person.role }))
      .concat([{ personId: groupMember.id, role: 'auditor' }]);
    task = await createTask(stack, tenant.adminToken, { workflowId: workflow.body.id, participants });
  }, 90_000);

  afterAll(() => stack?.stop());

  const cases = Object.keys({
    'assigner (employee)': 1,
    'assigner (contact)': 1,
    'assignee (employee)': 1,
    'assignee (contact)': 1,
    'auditor (employee)': 1,
    'auditor (contact)': 1,
  });

  it.each(cases)('%s: allowed exactly by its (role, kind) grants, refused by every other with the reason', async (name) => {
    const person = people[name]!;
    const answers = await transitionsFor(stack, tenant, task.id, person.id);
    for (const role of ROLES) {
      for (const kind of KINDS) {
        const expected = (role === 'participant' || role === person.role) && (kind === 'any' || kind === person.kind);
        const answer = answers[target(role, kind)];
        expect({ grant: target(role, kind), allowed: answer.allowed }).toEqual({ grant: target(role, kind), allowed: expected });
        if (expected) expect(answer.code).toBe('ALLOWED.TRANSITION_ROLE');
        else {
          expect(answer.code).toBe('TRANSITION.NOT_GRANTED');
          expect(answer.reason).toContain(`your roles here are ${person.role} (${person.kind})`);
        }
      }
    }
    expect(answers['by group'].allowed).toBe(false);
    expect(answers['by name'].allowed).toBe(name === 'assignee (contact)');
    expect(answers.Unreachable).toMatchObject({ allowed: false, code: 'TRANSITION.NONE', transition: false });
  });

  it('a group grant allows its members whatever their role; nobody outside the task is allowed anything', async () => {
    const grouped = await transitionsFor(stack, tenant, task.id, groupMember.id);
    expect(grouped['by group']).toMatchObject({ allowed: true, code: 'ALLOWED.TRANSITION_GROUP' });
    expect(grouped[target('auditor', 'employee')].allowed).toBe(true);
    expect(grouped[target('assignee', 'any')].allowed).toBe(false);
    const outside = await transitionsFor(stack, tenant, task.id, outsider.id);
    expect(Object.values(outside).every((answer: any) => !answer.allowed && answer.code === 'TASK.NOT_VISIBLE')).toBe(true);
  });

  it('a real move follows the same answer: refused for the wrong kind, done for the right one', async () => {
    const refused = await moveTask(stack, tenant.adminToken, task.id, workflow.status[target('assigner', 'contact')]!);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('TRANSITION.NOT_GRANTED');
    const history = await stack.http.get(`/api/v1/tasks/${task.id}/history`, tenant.adminToken);
    expect(history.body).toHaveLength(1);
    const done = await moveTask(stack, tenant.adminToken, task.id, workflow.status[target('assigner', 'employee')]!);
    expect(done.status).toBe(200);
    const noWayBack = await moveTask(stack, tenant.adminToken, task.id, workflow.status.Start!);
    expect(noWayBack.status).toBe(403);
    expect(noWayBack.body.code).toBe('TRANSITION.NONE');
  });

  describe('bad input: a clear 4xx naming the problem, nothing written', () => {
    it('a transition to a status of another workflow', async () => {
      const response = await stack.http.patch(
        `/api/v1/workflows/${workflow.body.id}`,
        { transitions: [{ from: 'Start', to: await otherWorkflowStatus(), grants: {} }] },
        tenant.adminToken,
      );
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('TRANSITION.OTHER_WORKFLOW');
      expect(response.body.errors).toEqual([{ field: 'transitions.0.to', reason: expect.stringContaining('another workflow') }]);
      const unchanged = await stack.http.get(`/api/v1/workflows/${workflow.body.id}`, tenant.adminToken);
      expect(unchanged.body.transitions).toHaveLength(workflow.body.transitions.length);
    });

    it('a status that is not in the workflow, and transitions on an order workflow', async () => {
      const unknown = await stack.http.patch(
        `/api/v1/workflows/${workflow.body.id}`,
        { transitions: [{ from: 'Start', to: 'Nowhere' }] },
        tenant.adminToken,
      );
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors[0]).toMatchObject({ field: 'transitions.0.to' });
      const orders = (await stack.http.get('/api/v1/workflows?kind=order', tenant.adminToken)).body[0];
      const free = await stack.http.patch(
        `/api/v1/workflows/${orders.id}`,
        { transitions: [{ from: 'New', to: 'Closed' }] },
        tenant.adminToken,
      );
      expect(free.status).toBe(422);
      expect(free.body.code).toBe('TRANSITION.FREE_WORKFLOW');
    });

    it.each([
      [{ roles: [{ role: 'boss', kind: 'any' }] }, 'transitions.0.grants.roles.0.role'],
      [{ roles: [{ role: 'auditor', kind: 'robot' }] }, 'transitions.0.grants.roles.0.kind'],
      [{ personIds: ['0192f0c4-0000-7000-8000-000000000000'] }, 'transitions.0.grants.personIds.0'],
      [{ groupIds: ['0192f0c4-0000-7000-8000-000000000000'] }, 'transitions.0.grants.groupIds.0'],
    ])('a grant %j is refused naming %s', async (grants, field) => {
      const response = await stack.http.post(
        '/api/v1/workflows',
        {
          name: 'Bad',
          kind: 'task',
          statuses: [
            { name: 'A', category: 'initial' },
            { name: 'B', category: 'final' },
          ],
          transitions: [{ from: 'A', to: 'B', grants }],
        },
        tenant.adminToken,
      );
      expect(response.status).toBe(422);
      expect(response.body.errors.map((error: any) => error.field)).toContain(field);
      const names = (await stack.http.get('/api/v1/workflows?kind=task', tenant.adminToken)).body.map((w: any) => w.name);
      expect(names).not.toContain('Bad');
    });

    it('a template whose initial status is not in its workflow', async () => {
      const response = await stack.http.post(
        '/api/v1/templates',
        { name: 'Wrong', workflowId: workflow.body.id, initialStatusId: await otherWorkflowStatus() },
        tenant.adminToken,
      );
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('TEMPLATE.STATUS_NOT_IN_WORKFLOW');
      expect(response.body.errors[0].field).toBe('initialStatusId');
      expect((await stack.http.get('/api/v1/templates', tenant.adminToken)).body).toEqual([]);
    });

    it('a participant from another tenant (or nobody) is refused naming the field; no task is created', async () => {
      const other = await createTenant(stack, 'other');
      const response = await stack.http.post(
        '/api/v1/tasks',
        {
          title: 'Leak',
          workflowId: workflow.body.id,
          participants: [
            { personId: outsider.id, role: 'auditor' },
            { personId: other.adminId, role: 'assignee' },
          ],
        },
        tenant.adminToken,
      );
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('PERSON.UNKNOWN');
      expect(response.body.errors[0].field).toBe('participants.1.personId');
      const mine = await stack.http.get('/api/v1/tasks', tenant.adminToken);
      expect(mine.body.items.map((t: any) => t.title)).not.toContain('Leak');
    });

    it('a project whose counterparty is not a company of the tenant', async () => {
      const response = await stack.http.post(
        '/api/v1/projects',
        { name: 'Ghost', counterpartyCompanyId: '0192f0c4-0000-7000-8000-000000000000' },
        tenant.adminToken,
      );
      expect(response.status).toBe(422);
      expect(response.body.errors[0].field).toBe('counterpartyCompanyId');
    });
  });

  async function otherWorkflowStatus(): Promise<string> {
    const orders = (await stack.http.get('/api/v1/workflows?kind=order', tenant.adminToken)).body[0];
    return orders.statuses[0].id;
  }
});
