import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError, newId } from '@warden/kernel';
import type { CreateTaskData, OutgoingEvent, PersonKind, RequestContext, TaskRole, TaskView } from '@warden/contracts';
import { resolveParticipants, uniqueParticipants } from '../people/participants.input';
import { PeopleDirectory } from '../people/people.directory';
import { ProjectErrors } from '../projects/project.errors';
import { ProjectRepository } from '../projects/project.repository';
import { TemplateErrors } from '../templates/template.errors';
import { TemplateRepository } from '../templates/template.repository';
import { WorkflowRepository } from '../workflows/workflow.repository';
import { TaskErrors } from './task.errors';
import { taskCreated } from './task.events';
import { startStatuses } from './task.record';
import { TaskRepository } from './task.repository';
import { pickStartStatus } from './task-start.policy';

/**
 * A task (docs/rules.md#tasks) with the defaults of its project (auditors) and template (workflow, initial
 * status, participants); the creator becomes the assigner. Whether the caller may create it was decided by
 * the permissions service.
 */
export class CreateTaskCommand extends Command<TaskView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: CreateTaskData,
  ) {
    super();
  }
}

@CommandHandler(CreateTaskCommand)
export class CreateTaskHandler implements ICommandHandler<CreateTaskCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly workflows: WorkflowRepository,
    private readonly projects: ProjectRepository,
    private readonly templates: TemplateRepository,
    private readonly people: PeopleDirectory,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, data }: CreateTaskCommand): Promise<TaskView> {
    if (!data.title) throw TaskErrors.titleRequired();
    const explicit = await resolveParticipants(this.people, ctx, data.participants ?? [], 'participants');
    const creator = ctx.actorId ? await this.people.kinds(ctx, [{ personId: ctx.actorId, field: 'actor' }]) : new Map<string, PersonKind>();
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      const template = data.templateId ? await this.templates.get(tenantId, data.templateId, tx) : null;
      if (data.templateId && !template) throw TemplateErrors.unknown('templateId');
      const project = data.projectId ? await this.projects.get(tenantId, data.projectId, tx) : null;
      if (data.projectId && !project) throw ProjectErrors.unknown('projectId');
      const candidates = await startStatuses(this.tasks, this.workflows, tx, tenantId, data.workflowId, template);
      const status = pickStartStatus(candidates, data.statusId);
      if (status instanceof DomainError) throw status;
      const participants = uniqueParticipants([
        ...(ctx.actorId && creator.has(ctx.actorId)
          ? [{ personId: ctx.actorId, kind: creator.get(ctx.actorId)!, role: 'assigner' as const }]
          : []),
        ...(template?.defaultParticipants ?? []),
        ...(project?.defaultAuditors ?? []).map((auditor) => ({ ...auditor, role: 'auditor' as const })),
        ...explicit,
      ]);
      const id = newId();
      await this.tasks.insert(tx, tenantId, {
        id,
        title: data.title,
        description: data.description ?? '',
        projectId: project?.id ?? null,
        templateId: template?.id ?? null,
        workflowId: status.workflowId,
        status,
        createdBy: ctx.actorId,
      });
      await this.tasks.addParticipants(tx, tenantId, id, participants);
      const actor = {
        roles: ctx.actorId ? (['assigner'] as TaskRole[]) : [],
        kind: ctx.actorId ? (creator.get(ctx.actorId) ?? null) : null,
      };
      await this.tasks.addHistory(tx, tenantId, {
        id: newId(),
        taskId: id,
        from: null,
        to: status,
        actorId: ctx.actorId,
        actorRoles: actor.roles,
        actorKind: actor.kind,
        decision: null,
      });
      const task = (await this.tasks.get(tenantId, id, tx))!;
      await this.events.publish(taskCreated(tenantId, task, ctx.actorId), tx);
      return task;
    });
  }
}
