import { TaskCreatedV1, TaskParticipantsChangedV1, TaskStatusChangedV1 } from '@warden/contracts';
import { readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';
import { signedInEmployee } from './orders.fixtures';
import type { Person } from './orders.fixtures';
import { createPortalContact } from './contact.fixtures';
import type { PortalContactFixture } from './contact.fixtures';
import { APPROVAL, createTask, createTaskWorkflow, moveTask } from './tasks.fixtures';

/**
 * The transition rules of docs/rules.md#tasks over HTTP, as each person of the story: a law firm
 * works its client's questions in a project whose counterparty is the client company. The project's default auditors are a senior
 * lawyer (employee) and the client's responsible person (contact); a question a client's employee
 * creates from the template starts in "Approval by client's responsible", and only the
 * auditor-contact may send it to work — the auditor-employee, in the same role, is refused with the
 * reason. Then assignee-contacts are granted the move to "Completed" and one does it.
 */
describe('tasks: the law-firm story (transition rights by role and kind)', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let seniorLawyer: Person;
  let juniorLawyer: Person;
  let outsider: Person;
  let responsible: PortalContactFixture;
  let asker: PortalContactFixture;
  let accountant: PortalContactFixture;
  let companyId: string;
  let workflow: { body: any; status: Record<string, string> };
  let project: any;
  let template: any;
  let task: any;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'law');
    const company = await stack.http.post('/api/v1/companies', { name: 'Horns & Hooves LLC' }, tenant.adminToken);
    expect(company.status).toBe(201);
    companyId = company.body.id;
    seniorLawyer = await signedInEmployee(stack, tenant, { firstName: 'Senior', position: 'Senior lawyer' });
    juniorLawyer = await signedInEmployee(stack, tenant, { firstName: 'Junior', position: 'Lawyer' });
    outsider = await signedInEmployee(stack, tenant, { firstName: 'Other', position: 'Accountant' });
    responsible = await createPortalContact(stack, tenant, { companyId, firstName: 'Responsible' });
    asker = await createPortalContact(stack, tenant, { companyId, firstName: 'Economist' });
    accountant = await createPortalContact(stack, tenant, { companyId, firstName: 'Accountant' });
  }, 60_000);

  afterAll(() => stack?.stop());

  it('the administrator sets up the workflow, the project and the template', async () => {
    workflow = await createTaskWorkflow(
      stack,
      tenant,
      [
        [APPROVAL, 'initial'],
        ['In progress', 'active'],
        ['Completed', 'final'],
        ['Rejected', 'final'],
      ],
      [
        [APPROVAL, 'In progress', { roles: [{ role: 'auditor', kind: 'contact' }] }],
        [APPROVAL, 'Rejected', { roles: [{ role: 'auditor', kind: 'contact' }] }],
        ['In progress', 'Completed', { roles: [{ role: 'assignee', kind: 'employee' }] }],
      ],
    );
    expect(workflow.body.transitions).toHaveLength(3);
    expect(workflow.body.transitions[0]).toMatchObject({
      fromStatusId: workflow.status[APPROVAL],
      toStatusId: workflow.status['In progress'],
      grants: { roles: [{ role: 'auditor', kind: 'contact' }], groupIds: [], personIds: [] },
    });

    const created = await stack.http.post(
      '/api/v1/projects',
      { name: 'Horns & Hooves — legal questions', counterpartyCompanyId: companyId, defaultAuditorIds: [seniorLawyer.id, responsible.id] },
      tenant.adminToken,
    );
    expect(created.status).toBe(201);
    project = created.body;
    expect(project.defaultAuditors).toEqual([
      { personId: seniorLawyer.id, kind: 'employee' },
      { personId: responsible.id, kind: 'contact' },
    ]);

    const madeTemplate = await stack.http.post(
      '/api/v1/templates',
      {
        name: 'Client question',
        workflowId: workflow.body.id,
        initialStatusId: workflow.status[APPROVAL],
        defaultParticipants: [{ personId: juniorLawyer.id, role: 'assignee' }],
      },
      tenant.adminToken,
    );
    expect(madeTemplate.status).toBe(201);
    template = madeTemplate.body;
  });

  it("a client's employee creates a question from the template: it starts in approval with every default participant", async () => {
    task = await createTask(stack, asker.token, { title: 'May we end the lease early?', projectId: project.id, templateId: template.id });
    expect(task.status.name).toBe(APPROVAL);
    expect(task.workflowId).toBe(workflow.body.id);
    expect(task.participants).toEqual(
      expect.arrayContaining([
        { personId: asker.id, kind: 'contact', role: 'assigner' },
        { personId: seniorLawyer.id, kind: 'employee', role: 'auditor' },
        { personId: responsible.id, kind: 'contact', role: 'auditor' },
        { personId: juniorLawyer.id, kind: 'employee', role: 'assignee' },
      ]),
    );
    expect(task.participants).toHaveLength(4);
  });

  it('participants see the task; others get 404 as if it did not exist, and lists differ accordingly', async () => {
    expect((await stack.http.get(`/api/v1/tasks/${task.id}`, seniorLawyer.token)).status).toBe(200);
    expect((await stack.http.get(`/api/v1/tasks/${task.id}`, responsible.token)).status).toBe(200);
    const hidden = await stack.http.get(`/api/v1/tasks/${task.id}`, outsider.token);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('TASK.NOT_FOUND');
    expect((await stack.http.get(`/api/v1/tasks/${task.id}`, accountant.token)).status).toBe(404);
    expect((await stack.http.get('/api/v1/tasks', asker.token)).body.items.map((t: any) => t.id)).toEqual([task.id]);
    expect((await stack.http.get('/api/v1/tasks', outsider.token)).body.items).toEqual([]);
    expect((await stack.http.get('/api/v1/tasks', accountant.token)).body.items).toEqual([]);
  });

  it('the auditor-employee is refused the move to work, with the reason; the transitions answer says why', async () => {
    const answers = await stack.http.get(`/api/v1/tasks/${task.id}/transitions`, seniorLawyer.token);
    expect(answers.status).toBe(200);
    const toWork = answers.body.transitions.find((t: any) => t.name === 'In progress');
    expect(toWork).toMatchObject({ transition: true, allowed: false, code: 'TRANSITION.NOT_GRANTED' });
    expect(toWork.reason).toContain('auditor-contact');
    expect(toWork.reason).toContain('your roles here are auditor (employee)');
    expect(answers.body.transitions.find((t: any) => t.name === 'Completed')).toMatchObject({
      transition: false,
      allowed: false,
      code: 'TRANSITION.NONE',
    });

    const refused = await moveTask(stack, seniorLawyer.token, task.id, workflow.status['In progress']);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('TRANSITION.NOT_GRANTED');
    expect(refused.body.detail ?? refused.body.title).toBeDefined();
    expect(JSON.stringify(refused.body)).toContain('auditor-contact');
    expect((await stack.http.get(`/api/v1/tasks/${task.id}`, seniorLawyer.token)).body.status.name).toBe(APPROVAL);
  });

  it('the explain endpoint covers the same decision with its steps', async () => {
    const resource = JSON.stringify({ type: 'task', taskId: task.id, targetStatusId: workflow.status['In progress'] });
    const denied = await stack.http.get(
      `/api/v1/permissions/explain?personId=${seniorLawyer.id}&action=task.change-status&resource=${encodeURIComponent(resource)}`,
      tenant.adminToken,
    );
    expect(denied.status).toBe(200);
    expect(denied.body).toMatchObject({ allowed: false, code: 'TRANSITION.NOT_GRANTED' });
    expect(denied.body.steps.map((s: any) => `${s.rule}:${s.effect}`)).toEqual(
      expect.arrayContaining(['task.visible:allow', 'transition.exists:none', 'transition.grant:deny', 'status.target.set:allow']),
    );
    const allowed = await stack.http.get(
      `/api/v1/permissions/explain?personId=${responsible.id}&action=task.change-status&resource=${encodeURIComponent(resource)}`,
      tenant.adminToken,
    );
    expect(allowed.body).toMatchObject({ allowed: true, code: 'ALLOWED.TRANSITION_ROLE' });
  });

  it("the client's responsible (auditor-contact) sends it to work; history and the event record its role and kind", async () => {
    const moved = await moveTask(stack, responsible.token, task.id, workflow.status['In progress']);
    expect(moved.status).toBe(200);
    expect(moved.body.status.name).toBe('In progress');
    const history = await stack.http.get(`/api/v1/tasks/${task.id}/history`, responsible.token);
    expect(history.body).toHaveLength(2);
    expect(history.body[1]).toMatchObject({
      from: { name: APPROVAL },
      to: { name: 'In progress' },
      actorId: responsible.id,
      actorRoles: ['auditor'],
      actorKind: 'contact',
      decision: { code: 'ALLOWED.TRANSITION_ROLE' },
    });
    const events = await readEvents(TaskStatusChangedV1.type, (event: any) => event.subject === task.id);
    expect(events[0]!.data).toMatchObject({
      actorId: responsible.id,
      actorRoles: ['auditor'],
      actorKind: 'contact',
      to: { name: 'In progress' },
    });
  });

  it('an assignee-contact is refused "Completed" until the workflow grants it to assignee-contacts, then completes the task', async () => {
    const added = await stack.http.patch(
      `/api/v1/tasks/${task.id}/participants`,
      { add: [{ personId: accountant.id, role: 'assignee' }] },
      asker.token,
    );
    expect(added.status).toBe(200);
    expect(added.body.participants).toContainEqual({ personId: accountant.id, kind: 'contact', role: 'assignee' });
    const participantEvents = await readEvents(TaskParticipantsChangedV1.type, (event: any) => event.subject === task.id);
    expect(participantEvents[0]!.data.added).toEqual([{ personId: accountant.id, kind: 'contact', role: 'assignee' }]);

    const before = await moveTask(stack, accountant.token, task.id, workflow.status.Completed);
    expect(before.status).toBe(403);
    expect(JSON.stringify(before.body)).toContain('assignee-employee');

    const transitions = workflow.body.transitions.map((t: any) => ({ from: t.fromStatusId, to: t.toStatusId, grants: t.grants }));
    transitions[2].grants.roles.push({ role: 'assignee', kind: 'contact' });
    const patched = await stack.http.patch(`/api/v1/workflows/${workflow.body.id}`, { transitions }, tenant.adminToken);
    expect(patched.status).toBe(200);
    expect(patched.body.transitions[2].grants.roles).toEqual([
      { role: 'assignee', kind: 'employee' },
      { role: 'assignee', kind: 'contact' },
    ]);

    const done = await moveTask(stack, accountant.token, task.id, workflow.status.Completed);
    expect(done.status).toBe(200);
    expect(done.body.status.name).toBe('Completed');
    expect(done.body.closedAt).not.toBeNull();
  });

  it('publishes the creation on the stream', async () => {
    const created = await readEvents(TaskCreatedV1.type, (event: any) => event.subject === task.id);
    expect(created[0]!.data).toMatchObject({
      taskId: task.id,
      projectId: project.id,
      templateId: template.id,
      createdBy: asker.id,
      status: { name: APPROVAL },
    });
  });
});
