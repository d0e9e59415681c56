import { Injectable } from '@nestjs/common';
import { DomainError } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type {
  CreateTaskData,
  Decision,
  DecisionStep,
  RequestContext,
  ResourceRef,
  TaskHistoryEntry,
  TaskParticipantInput,
  TaskRole,
  TaskView,
} from '@warden/contracts';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';
import { ProjectAccessService } from '../projects/project-access.service';
import { TemplateAccessService } from '../templates/template-access.service';
import type { TaskTransitionResponseDto, TaskTransitionsResponseDto } from './dto/task.response.dto';

const HIDDEN = { code: 'TASK.NOT_FOUND', what: 'Task' } as const;

/**
 * The resource the permissions service's `task` rule decides on. The rule reads the task's facts
 * itself; version and workflow version are here so a cached decision is keyed to the task as it is
 * (participants, status) and to the workflow's grants as they are.
 */
function resource(task: TaskView, targetStatusId?: string): ResourceRef {
  return {
    type: 'task',
    taskId: task.id,
    statusId: task.status.id,
    version: task.version,
    workflowVersion: task.workflowVersion,
    ...(targetStatusId ? { targetStatusId } : {}),
  };
}

/**
 * Tasks behind the permissions service, on the same path as orders: the workflow service stores
 * and changes them, the permissions service decides every read and status change. A task the
 * caller cannot see answers 404, exactly as one that does not exist.
 */
@Injectable()
export class TaskAccessService {
  constructor(
    private readonly bus: BusClient,
    private readonly access: AccessService,
    private readonly projects: ProjectAccessService,
    private readonly templates: TemplateAccessService,
  ) {}

  async list(
    principal: Principal,
    ctx: RequestContext,
    query: { projectId?: string; statusId?: string; participantId?: string; role?: TaskRole; cursor?: string; limit?: number },
  ): Promise<Page<TaskView>> {
    const { participantIds, departmentMemberIds, all } = await this.bus.request('permissions.tasks.visibility', ctx, {
      personId: principal.personId,
    });
    return this.bus.request('workflow.tasks.list', ctx, {
      visibility: { participantIds, departmentMemberIds, all },
      ...query,
      limit: query.limit ?? 20,
    });
  }

  async visible(principal: Principal, ctx: RequestContext, taskId: string): Promise<TaskView> {
    const task = await this.bus.request('workflow.tasks.get', ctx, { taskId });
    await this.access.require(principal, ctx, 'task.read', resource(task), HIDDEN);
    return task;
  }

  /**
   * The project and template must be ones the caller sees: a client cannot put a task into another
   * client's project (whose default auditors it would pull in) nor use another client's template.
   * Starting a task in a status is setting it, as for orders: the task starts in the first status it
   * may start in (the template's, else the workflow's initial ones) that the creator may set.
   */
  async create(principal: Principal, ctx: RequestContext, data: CreateTaskData): Promise<TaskView> {
    await Promise.all([
      data.projectId ? this.projects.requireUsable(principal, ctx, data.projectId) : undefined,
      data.templateId ? this.templates.requireUsable(principal, ctx, data.templateId) : undefined,
      this.requireNameable(principal, ctx, data.participants),
    ]);
    const statusId = await this.startingStatus(principal, ctx, data);
    return this.bus.request('workflow.tasks.create', ctx, { ...data, statusId });
  }

  private async startingStatus(principal: Principal, ctx: RequestContext, data: CreateTaskData): Promise<string> {
    const initial = await this.bus.request('workflow.tasks.initial-statuses', ctx, {
      workflowId: data.workflowId,
      templateId: data.templateId ?? undefined,
    });
    for (const status of initial.statuses) {
      const decision = await this.access.decide(principal, ctx, 'task.start', {
        type: 'task',
        workflowId: initial.workflowId,
        targetStatusId: status.id,
      });
      if (decision.allowed) return status.id;
    }
    const names = initial.statuses.map((status) => `'${status.name}'`).join(', ');
    throw new DomainError(
      'TASK.NO_INITIAL_STATUS_ALLOWED',
      'forbidden',
      `The person may not set any status a new task could start in (${names})`,
    );
  }

  /** A client names only employees, itself and contacts of its own company (403 with the reason otherwise). */
  private async requireNameable(
    principal: Principal,
    ctx: RequestContext,
    participants: TaskParticipantInput[] | undefined,
  ): Promise<void> {
    // Employees may name anyone (the `participant` rule's first step); no round trip for them.
    if (principal.kind !== 'contact' || !participants?.length) return;
    const people = [...new Set(participants.map((participant) => String(participant.personId).toLowerCase()))];
    await Promise.all(
      people.map((personId) => this.access.require(principal, ctx, 'task.name-participant', { type: 'participant', personId })),
    );
  }

  async update(
    principal: Principal,
    ctx: RequestContext,
    taskId: string,
    changes: { title?: string; description?: string },
    version?: number,
  ): Promise<TaskView> {
    await this.visible(principal, ctx, taskId);
    return this.bus.request('workflow.tasks.update', ctx, { taskId, changes, expectedVersion: version });
  }

  async changeParticipants(
    principal: Principal,
    ctx: RequestContext,
    taskId: string,
    change: { add?: TaskParticipantInput[]; remove?: TaskParticipantInput[] },
  ): Promise<TaskView> {
    await this.visible(principal, ctx, taskId);
    await this.requireNameable(principal, ctx, change.add);
    return this.bus.request('workflow.tasks.participants.change', ctx, { taskId, ...change });
  }

  async history(principal: Principal, ctx: RequestContext, taskId: string): Promise<TaskHistoryEntry[]> {
    await this.visible(principal, ctx, taskId);
    return this.bus.request('workflow.tasks.history', ctx, { taskId });
  }

  /**
   * Visible (else 404), then the `task` rule on the transition (else 403 with its code and reason:
   * no such transition, the grant requires auditor-contact, ...); then the workflow service moves
   * the task if it is still in the status and at the version the decision was made for.
   */
  async changeStatus(
    principal: Principal,
    ctx: RequestContext,
    taskId: string,
    targetStatusId: string,
    version?: number,
  ): Promise<TaskView> {
    const task = await this.visible(principal, ctx, taskId);
    const decision = await this.access.require(principal, ctx, 'task.change-status', resource(task, targetStatusId.toLowerCase()));
    return this.bus.request('workflow.tasks.change-status', ctx, {
      taskId: task.id,
      targetStatusId,
      expectedStatusId: task.status.id,
      expectedVersion: version,
      decision: { code: decision.code, policyVersion: decision.policyVersion },
    });
  }

  /**
   * Every other status of the workflow with whether the person may move this task there, and why
   * not. For the caller: its own (cached) decisions, after the visibility check. For another person
   * (`permissions.explain` required): that person's explanations with their steps.
   */
  async transitions(principal: Principal, ctx: RequestContext, taskId: string, personId?: string): Promise<TaskTransitionsResponseDto> {
    const other = personId !== undefined && personId.toLowerCase() !== principal.personId;
    let task: TaskView;
    if (other) {
      await this.access.require(principal, ctx, 'permissions.explain');
      task = await this.bus.request('workflow.tasks.get', ctx, { taskId });
    } else {
      task = await this.visible(principal, ctx, taskId);
    }
    const subject = other ? personId!.toLowerCase() : principal.personId;
    const workflow = await this.bus.request('workflow.workflows.get', ctx, { workflowId: task.workflowId });
    const outgoing = new Set(
      workflow.transitions.filter((transition) => transition.fromStatusId === task.status.id).map((transition) => transition.toStatusId),
    );
    const transitions = await Promise.all(
      workflow.statuses
        .filter((status) => status.id !== task.status.id && !status.archived)
        .map(async (status): Promise<TaskTransitionResponseDto> => {
          const target = resource(task, status.id);
          const answer: Decision & { steps?: DecisionStep[] } = other
            ? await this.bus.request('permissions.explain', ctx, { personId: subject, action: 'task.change-status', resource: target })
            : await this.access.decide(principal, ctx, 'task.change-status', target);
          return {
            statusId: status.id,
            name: status.name,
            category: status.category,
            color: status.color,
            transition: outgoing.has(status.id),
            allowed: answer.allowed,
            code: answer.code,
            reason: answer.reason,
            ...(answer.steps ? { steps: answer.steps } : {}),
          };
        }),
    );
    return { taskId: task.id, personId: subject, status: task.status, version: task.version, transitions };
  }
}
