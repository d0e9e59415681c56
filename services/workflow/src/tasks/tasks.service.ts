import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { decodeCursor, DomainError, newId, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { OutboxWriter } from '@warden/messaging';
import { TaskCreatedV1, TaskParticipantsChangedV1, TaskStatusChangedV1 } from '@warden/contracts';
import type {
  ChangeParticipantsData,
  ChangeTaskStatusData,
  CreateTaskData,
  ListTasksData,
  OrderStartingStatuses,
  PersonKind,
  RequestContext,
  TaskAccessFacts,
  TaskStartQuery,
  TaskHistoryEntry,
  TaskParticipantView,
  TaskRole,
  TaskView,
  UpdateTaskData,
} from '@warden/contracts';
import { ProjectRepository } from '../projects/project.repository';
import { ProjectErrors } from '../projects/project.errors';
import { TemplateRepository } from '../templates/template.repository';
import { TemplateErrors } from '../templates/template.errors';
import { WorkflowRepository } from '../workflows/workflow.repository';
import { lastAssignerRemoval } from './assigner.policy';
import { resolveParticipants, uniqueParticipants } from '../people/participants.input';
import { PeopleDirectory } from '../people/people.directory';
import { TaskErrors } from './task.errors';
import { TaskRepository } from './task.repository';
import { planTaskStatusChange } from './task-status-change.policy';
import { planTaskUpdate, taskFieldsRefusal } from './task-update.policy';
import { pickStartStatus, templateStartStatuses, workflowStartStatuses } from './task-start.policy';
import type { StatusRecord } from './task.repository';

function rolesOf(task: TaskView, personId: string | null): { roles: TaskRole[]; kind: PersonKind | null } {
  const mine = task.participants.filter((participant) => participant.personId === personId);
  return { roles: [...new Set(mine.map((participant) => participant.role))], kind: mine[0]?.kind ?? null };
}

/**
 * Tasks (docs/rules.md#tasks): creation with the defaults of the project (auditors) and template (workflow,
 * initial status, participants) — the creator becomes the assigner —, field and participant
 * changes (never taking away the last assigner), and status changes along the workflow's
 * transitions. Each change is one transaction with its outbox event. Whether the caller may do it
 * was decided by the permissions service.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly workflows: WorkflowRepository,
    private readonly projects: ProjectRepository,
    private readonly templates: TemplateRepository,
    private readonly people: PeopleDirectory,
    private readonly outbox: OutboxWriter,
  ) {}

  async get(tenantId: string, taskId: string): Promise<TaskView> {
    const task = await this.tasks.get(tenantId, taskId);
    if (!task) throw TaskErrors.notFound();
    return task;
  }

  async history(tenantId: string, taskId: string): Promise<TaskHistoryEntry[]> {
    const task = await this.get(tenantId, taskId);
    return this.tasks.history(tenantId, task.id);
  }

  async list(tenantId: string, data: ListTasksData): Promise<Page<TaskView>> {
    const after = decodeCursor(data.cursor);
    const visible = [...data.visibility.participantIds, ...data.visibility.departmentMemberIds];
    if (visible.length === 0 && data.visibility.all !== true) return { items: [], nextCursor: null };
    const rows = await this.tasks.list(tenantId, {
      visibility: data.visibility,
      projectId: data.projectId,
      statusId: data.statusId,
      participantId: data.participantId,
      role: data.role,
      afterId: after?.id,
      limit: data.limit,
    });
    return toPage(rows, data.limit, (task) => ({ key: task.id, id: task.id }));
  }

  async create(ctx: RequestContext, data: CreateTaskData): Promise<TaskView> {
    if (!data.title) throw TaskErrors.titleRequired();
    const explicit = await resolveParticipants(this.people, ctx, data.participants ?? [], 'participants');
    const creator = ctx.actorId ? await this.people.kinds(ctx, [{ personId: ctx.actorId, field: 'actor' }]) : new Map<string, PersonKind>();
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      const template = data.templateId ? await this.templates.get(tenantId, data.templateId, tx) : null;
      if (data.templateId && !template) throw TemplateErrors.unknown('templateId');
      const project = data.projectId ? await this.projects.get(tenantId, data.projectId, tx) : null;
      if (data.projectId && !project) throw ProjectErrors.unknown('projectId');
      const candidates = await this.startStatuses(tx, tenantId, data.workflowId, template?.workflowId, template?.initialStatusId);
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
      const event: TaskCreatedV1 = {
        taskId: id,
        title: data.title,
        projectId: task.projectId,
        templateId: task.templateId,
        workflowId: task.workflowId,
        status: { id: status.id, name: status.name },
        participants: task.participants,
        createdBy: ctx.actorId,
        at: task.createdAt,
      };
      await this.outbox.add(tx, { contract: TaskCreatedV1, tenantId, subject: id, data: event });
      return task;
    });
  }

  async update(tenantId: string, data: UpdateTaskData): Promise<TaskView> {
    const badFields = taskFieldsRefusal(data.changes);
    if (badFields) throw badFields;
    return this.dataSource.transaction(async (tx) => {
      const current = await this.locked(tx, tenantId, data.taskId);
      const fields = planTaskUpdate(current, data);
      if (fields instanceof DomainError) throw fields;
      await this.tasks.touch(tx, tenantId, current.id, fields);
      return (await this.tasks.get(tenantId, current.id, tx))!;
    });
  }

  async changeParticipants(ctx: RequestContext, data: ChangeParticipantsData): Promise<TaskView> {
    const adding = await resolveParticipants(this.people, ctx, data.add ?? [], 'add');
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      const current = await this.locked(tx, tenantId, data.taskId);
      const lastAssigner = lastAssignerRemoval(current.participants, adding, data.remove ?? []);
      if (lastAssigner !== null) throw TaskErrors.assignerRequired(`remove.${lastAssigner}`);
      const removed = await this.tasks.removeParticipants(tx, tenantId, current.id, data.remove ?? []);
      const added = await this.tasks.addParticipants(tx, tenantId, current.id, adding);
      if (added.length === 0 && removed.length === 0) return current;
      await this.tasks.touch(tx, tenantId, current.id);
      const task = (await this.tasks.get(tenantId, current.id, tx))!;
      await this.publishParticipants(tx, tenantId, task, added, removed, ctx.actorId);
      return task;
    });
  }

  async changeStatus(ctx: RequestContext, data: ChangeTaskStatusData): Promise<TaskView> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      const current = await this.locked(tx, tenantId, data.taskId);
      const target = await this.tasks.status(tenantId, data.targetStatusId, tx);
      const transitionExists = target !== null && (await this.tasks.transitionExists(tx, tenantId, current.status.id, target.id));
      const actor = rolesOf(current, ctx.actorId);
      const actorKind = actor.kind ?? (ctx.actorId ? await this.tasks.kindOf(tenantId, ctx.actorId) : null);
      const plan = planTaskStatusChange(current, data, {
        target,
        transitionExists,
        actor: { id: ctx.actorId, roles: actor.roles, kind: actorKind },
      });
      if (plan instanceof DomainError) throw plan;
      await this.tasks.moveToStatus(tx, tenantId, current.id, plan.target);
      await this.tasks.addHistory(tx, tenantId, { id: newId(), taskId: current.id, ...plan.history });
      const task = (await this.tasks.get(tenantId, current.id, tx))!;
      const event: TaskStatusChangedV1 = { ...plan.event, at: task.updatedAt };
      await this.outbox.add(tx, { contract: TaskStatusChangedV1, tenantId, subject: task.id, data: event });
      return task;
    });
  }

  /** The facts the permissions service's `task` rule decides on, read fresh at decision time. */
  async accessFacts(tenantId: string, taskId: string, personId: string): Promise<TaskAccessFacts> {
    const task = await this.get(tenantId, taskId);
    const [workflow, transitions] = await Promise.all([
      this.workflows.get(tenantId, task.workflowId),
      this.tasks.transitionsFrom(tenantId, task.status.id),
    ]);
    const person = rolesOf(task, personId);
    const kind = person.kind ?? (await this.tasks.kindOf(tenantId, personId));
    return {
      taskId: task.id,
      workflowId: task.workflowId,
      status: { id: task.status.id, name: task.status.name, category: task.status.category },
      person: { roles: person.roles, kind },
      participantIds: [...new Set(task.participants.map((participant) => participant.personId))],
      statuses: (workflow?.statuses ?? []).map((status) => ({
        id: status.id,
        name: status.name,
        category: status.category,
        archived: status.archived,
      })),
      transitions,
    };
  }

  private async locked(tx: EntityManager, tenantId: string, taskId: string): Promise<TaskView> {
    const current = await this.tasks.get(tenantId, taskId, tx, true);
    if (!current) throw TaskErrors.notFound();
    return current;
  }

  /** The statuses a new task may start in (the gateway picks the first its creator may set). */
  async initialStatuses(tenantId: string, data: TaskStartQuery): Promise<OrderStartingStatuses> {
    const manager = this.dataSource.manager;
    const template = data.templateId ? await this.templates.get(tenantId, data.templateId, manager) : null;
    if (data.templateId && !template) throw TemplateErrors.unknown('templateId');
    const statuses = await this.startStatuses(manager, tenantId, data.workflowId, template?.workflowId, template?.initialStatusId);
    return { workflowId: statuses[0]!.workflowId, statuses: statuses.map((status) => ({ id: status.id, name: status.name })) };
  }

  /** A template fixes workflow and status; otherwise the given task workflow's initial statuses. Never empty. */
  private async startStatuses(
    tx: EntityManager,
    tenantId: string,
    workflowId: string | undefined,
    templateWorkflowId: string | undefined,
    templateStatusId: string | undefined,
  ): Promise<StatusRecord[]> {
    let statuses: StatusRecord[] | DomainError;
    if (templateWorkflowId && templateStatusId) {
      const status = await this.tasks.status(tenantId, templateStatusId, tx);
      statuses = templateStartStatuses(workflowId, { workflowId: templateWorkflowId }, status);
    } else {
      const workflow = workflowId ? await this.workflows.get(tenantId, workflowId, tx) : null;
      const initial = workflow?.kind === 'task' ? await this.tasks.startStatuses(tenantId, workflow.id, tx) : [];
      statuses = workflowStartStatuses(workflowId, workflow, initial);
    }
    if (statuses instanceof DomainError) throw statuses;
    return statuses;
  }

  private async publishParticipants(
    tx: EntityManager,
    tenantId: string,
    task: TaskView,
    added: TaskParticipantView[],
    removed: TaskParticipantView[],
    actorId: string | null,
  ): Promise<void> {
    const event: TaskParticipantsChangedV1 = {
      taskId: task.id,
      added,
      removed,
      participants: task.participants,
      actorId,
      at: task.updatedAt,
    };
    await this.outbox.add(tx, { contract: TaskParticipantsChangedV1, tenantId, subject: task.id, data: event });
  }
}
