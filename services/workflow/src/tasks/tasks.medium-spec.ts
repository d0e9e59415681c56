import { CommandBus } from '@nestjs/cqrs';
import { newId } from '@warden/kernel';
import { TaskCreatedV1 } from '@warden/contracts';
import type { RequestContext, WorkflowView } from '@warden/contracts';
import { startMedium } from '@warden/medium-testing';
import type { Medium } from '@warden/medium-testing';
import { CreateTemplateCommand } from '../templates/create-template.handler';
import { WORKFLOW_SERVICE } from '../workflow.service-definition';
import { CreateWorkflowCommand } from '../workflows/create-workflow.handler';
import { PeopleRepository } from '../people/people.repository';
import { TasksModule } from './tasks.module';
import { CreateTaskCommand } from './create-task.handler';

/** Where a new task starts: its template's status (even one that is not initial), else an initial one of its workflow. */
describe('task start status (medium: service + PostgreSQL)', () => {
  let medium: Medium;
  let commands: CommandBus;
  let ctx: RequestContext;
  let workflow: WorkflowView;
  const status = (name: string) => workflow.statuses.find((candidate) => candidate.name === name)!.id;

  beforeAll(async () => {
    medium = await startMedium(WORKFLOW_SERVICE, { imports: [TasksModule] });
    commands = medium.get(CommandBus);
  });

  afterAll(() => medium?.close());

  beforeEach(async () => {
    ctx = { tenantId: newId(), actorId: newId(), requestId: 'medium' };
    // The creator as identity's events put them into the people read model.
    await medium.get(PeopleRepository).upsert(medium.dataSource.manager, {
      tenantId: ctx.tenantId,
      personId: ctx.actorId!,
      kind: 'employee',
      deletedAt: null,
      sourceTime: new Date(),
    });
    workflow = await commands.execute(
      new CreateWorkflowCommand(ctx, {
        name: 'Tasks',
        kind: 'task',
        statuses: [
          { name: 'Backlog', category: 'initial' },
          { name: 'Triage', category: 'initial' },
          { name: 'Review', category: 'active' },
          { name: 'Done', category: 'final' },
        ],
      }),
    );
  });

  const taskRows = () => medium.rows('SELECT id, status_id FROM tasks WHERE tenant_id = $1', [ctx.tenantId]);
  const taskEvents = async () => (await medium.outbox(ctx.tenantId)).filter((row) => row.type === TaskCreatedV1.type);

  it("starts in the template's status, with its history entry, the creator as assigner and its event", async () => {
    const template = await commands.execute(
      new CreateTemplateCommand(ctx, { name: 'Code review', workflowId: workflow.id, initialStatusId: status('Review') }),
    );

    const task = await commands.execute(new CreateTaskCommand(ctx, { title: 'Review the outbox', templateId: template.id }));

    expect(task.status.id).toBe(status('Review'));
    expect(await taskRows()).toEqual([{ id: task.id, status_id: status('Review') }]);
    expect(await medium.rows('SELECT person_id, role FROM task_participants WHERE task_id = $1', [task.id])).toEqual([
      { person_id: ctx.actorId, role: 'assigner' },
    ]);
    expect(await medium.rows('SELECT from_status_id, to_status_id FROM task_history WHERE task_id = $1', [task.id])).toEqual([
      { from_status_id: null, to_status_id: status('Review') },
    ]);
    const events = await taskEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subject: task.id,
      data: { taskId: task.id, templateId: template.id, status: { id: status('Review'), name: 'Review' } },
    });
  });

  it("refuses, writing nothing, when the template's status was archived, another workflow is named, or another status is asked for", async () => {
    const template = await commands.execute(
      new CreateTemplateCommand(ctx, { name: 'Code review', workflowId: workflow.id, initialStatusId: status('Review') }),
    );
    const other = await commands.execute(
      new CreateWorkflowCommand(ctx, { name: 'Other', kind: 'task', statuses: [{ name: 'Open', category: 'initial' }] }),
    );

    await expect(
      commands.execute(new CreateTaskCommand(ctx, { title: 'x', templateId: template.id, workflowId: other.id })),
    ).rejects.toMatchObject({
      code: 'TASK.WORKFLOW_MISMATCH',
    });
    await expect(
      commands.execute(new CreateTaskCommand(ctx, { title: 'x', templateId: template.id, statusId: status('Backlog') })),
    ).rejects.toMatchObject({
      code: 'TASK.START_STATUS_CHANGED',
    });
    await medium.rows('UPDATE statuses SET archived_at = now() WHERE id = $1', [status('Review')]);
    await expect(commands.execute(new CreateTaskCommand(ctx, { title: 'x', templateId: template.id }))).rejects.toMatchObject({
      code: 'WORKFLOW.NO_INITIAL_STATUS',
    });

    expect(await taskRows()).toEqual([]);
    expect(await medium.rows('SELECT count(*)::int AS n FROM task_history WHERE tenant_id = $1', [ctx.tenantId])).toEqual([{ n: 0 }]);
    expect(await taskEvents()).toEqual([]);
  });

  it('without a template: the first initial status of the workflow, or the initial one asked for, never an active one', async () => {
    const first = await commands.execute(new CreateTaskCommand(ctx, { title: 'First', workflowId: workflow.id }));
    const triaged = await commands.execute(
      new CreateTaskCommand(ctx, { title: 'Second', workflowId: workflow.id, statusId: status('Triage') }),
    );

    expect([first.status.id, triaged.status.id]).toEqual([status('Backlog'), status('Triage')]);
    await expect(
      commands.execute(new CreateTaskCommand(ctx, { title: 'x', workflowId: workflow.id, statusId: status('Review') })),
    ).rejects.toMatchObject({
      code: 'TASK.START_STATUS_CHANGED',
    });
    await expect(commands.execute(new CreateTaskCommand(ctx, { title: 'x' }))).rejects.toMatchObject({ code: 'TASK.WORKFLOW_REQUIRED' });
    expect((await taskEvents()).map((event) => event.subject).sort()).toEqual([first.id, triaged.id].sort());
  });
});
