import { PartialType } from '@nestjs/mapped-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { Page } from '@warden/kernel';
import type { PersonKind } from '../events/identity.events';
import { TASK_ROLES } from '../events/task.events';
import type { TaskRole } from '../events/task.events';
import type { StatusCategory } from '../events/workflow.events';
import type { RpcRequestContracts } from './rpc-request.contract';
import { RecordedDecision } from './workflow.rpc';
import type { OrderStartingStatuses } from './workflow.rpc';
import type { TransitionGrants } from './transition.rpc';
import { IsId, Trim } from './request-fields';

/** Text limits as the gateway's DTOs have them (services/gateway/src/{tasks,projects,templates}/dto). */
const TASK_TITLE_MAX = 300;
const TASK_DESCRIPTION_MAX = 10_000;
const PROJECT_NAME_MAX = 200;
const TEMPLATE_NAME_MAX = 200;

export class TaskParticipantInput {
  @IsId() personId!: string;
  @IsIn(TASK_ROLES) role!: TaskRole;
}

export interface TaskParticipantView {
  personId: string;
  /** Employee or contact, as identity knows the person. */
  kind: PersonKind;
  role: TaskRole;
}

export interface ProjectView {
  id: string;
  name: string;
  /** The client company (directory), or null. */
  counterpartyCompanyId: string | null;
  /** Employees and contacts who become auditors of every task created in the project. */
  defaultAuditors: Array<{ personId: string; kind: PersonKind }>;
  createdAt: string;
  updatedAt: string;
}

/**
 * Which projects and templates a person sees, as the permissions service answered
 * (`permissions.projects.visibility-scope`); applied in SQL. Employees see every one (`contactId`
 * null). A contact sees the projects whose counterparty is its company or that name it a default
 * auditor, and the templates that name no contact outside its company (the firm's own forms name
 * none).
 */
export class ProjectScope {
  @ValidateIf((_, value) => value !== null) @IsId() contactId!: string | null;
  @ValidateIf((_, value) => value !== null) @IsId() companyId!: string | null;
  /** The contacts of the contact's company, itself included (itself alone without a company). */
  @IsArray() @IsId({ each: true }) companyContactIds!: string[];
}

/** The projects or templates a person sees: the scope is required, so that a caller cannot forget it. */
export class ListProjectsData {
  @IsObject() @ValidateNested() @Type(() => ProjectScope) scope!: ProjectScope;
}

export class ListTemplatesData extends ListProjectsData {}

export class ProjectRef {
  @IsId() projectId!: string;
}

export class ProjectInput {
  /** Blank is refused by the service (PROJECT.NAME_REQUIRED). */
  @Trim() @IsString() @MaxLength(PROJECT_NAME_MAX) name!: string;
  @IsOptional() @IsId() counterpartyCompanyId?: string | null;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsId({ each: true }) defaultAuditorIds?: string[];
}

export class ProjectChanges extends PartialType(ProjectInput) {}

export class UpdateProjectData {
  @IsId() projectId!: string;
  @IsObject() @ValidateNested() @Type(() => ProjectChanges) changes!: ProjectChanges;
}

export interface TemplateView {
  id: string;
  name: string;
  workflowId: string;
  /** The status new tasks from this template start in. */
  initialStatusId: string;
  defaultParticipants: TaskParticipantView[];
  createdAt: string;
  updatedAt: string;
}

export class TemplateInput {
  /** Blank is refused by the service (TEMPLATE.NAME_REQUIRED). */
  @Trim() @IsString() @MaxLength(TEMPLATE_NAME_MAX) name!: string;
  @IsId() workflowId!: string;
  @IsId() initialStatusId!: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TaskParticipantInput)
  defaultParticipants?: TaskParticipantInput[];
}

export class TemplateChanges extends PartialType(TemplateInput) {}

export class UpdateTemplateData {
  @IsId() templateId!: string;
  @IsObject() @ValidateNested() @Type(() => TemplateChanges) changes!: TemplateChanges;
}

export class TemplateRef {
  @IsId() templateId!: string;
}

export interface TaskStatusRef {
  id: string;
  name: string;
  category: StatusCategory;
  color: string;
}

export interface TaskView {
  id: string;
  title: string;
  description: string;
  projectId: string | null;
  templateId: string | null;
  workflowId: string;
  /** Changes whenever the workflow (and so its transitions and grants) changes. */
  workflowVersion: string;
  status: TaskStatusRef;
  participants: TaskParticipantView[];
  /** Goes up with every change of the task, its status or its participants. */
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export class CreateTaskData {
  /** Blank is refused by the service (TASK.TITLE_REQUIRED). */
  @Trim() @IsString() @MaxLength(TASK_TITLE_MAX) title!: string;
  @IsOptional() @IsString() @MaxLength(TASK_DESCRIPTION_MAX) description?: string;
  @IsOptional() @IsId() projectId?: string | null;
  @IsOptional() @IsId() templateId?: string | null;
  /** Needed without a template; a template's workflow wins and a different one is refused. */
  @IsOptional() @IsId() workflowId?: string;
  /** Added to the defaults of the project and template; the creator always becomes the assigner. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TaskParticipantInput)
  participants?: TaskParticipantInput[];
  /**
   * The status to start in, one of `workflow.tasks.initial-statuses` (the gateway picks the first its
   * creator may set); without it, the first of them.
   */
  @IsOptional() @IsId() statusId?: string;
}

export class TaskStartQuery {
  @IsOptional() @IsId() workflowId?: string;
  @IsOptional() @IsId() templateId?: string;
}

/** Who may see which tasks, as the permissions service answered; the filter goes into SQL. */
export class TaskVisibility {
  /** Tasks in which one of these people participates (the viewer). */
  @IsArray() @IsId({ each: true }) participantIds!: string[];
  /** Also tasks in which one of these people participates (members of the viewer's departments). */
  @IsArray() @IsId({ each: true }) departmentMemberIds!: string[];
  /** Every task of the tenant (`tasks.read-all`); the lists above are then moot. */
  @IsOptional() @IsBoolean() all?: boolean;
}

export class ListTasksData {
  @IsObject() @ValidateNested() @Type(() => TaskVisibility) visibility!: TaskVisibility;
  @IsOptional() @IsId() projectId?: string;
  @IsOptional() @IsId() statusId?: string;
  @IsOptional() @IsId() participantId?: string;
  @IsOptional() @IsIn(TASK_ROLES) role?: TaskRole;
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @IsInt() @Min(1) @Max(100) limit!: number;
}

export class TaskRef {
  @IsId() taskId!: string;
}

export class TaskFieldChanges {
  /** Blank is refused by the service (TASK.TITLE_REQUIRED). */
  @IsOptional() @Trim() @IsString() @MaxLength(TASK_TITLE_MAX) title?: string;
  @IsOptional() @IsString() @MaxLength(TASK_DESCRIPTION_MAX) description?: string;
}

export class UpdateTaskData {
  @IsId() taskId!: string;
  @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
  @IsObject() @ValidateNested() @Type(() => TaskFieldChanges) changes!: TaskFieldChanges;
}

export class ChangeParticipantsData {
  @IsId() taskId!: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TaskParticipantInput)
  add?: TaskParticipantInput[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TaskParticipantInput)
  remove?: TaskParticipantInput[];
}

export class ChangeTaskStatusData {
  @IsId() taskId!: string;
  @IsId() targetStatusId!: string;
  /** The status the decision was made for; refused if the task moved since. */
  @IsId() expectedStatusId!: string;
  @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
  @IsObject() @ValidateNested() @Type(() => RecordedDecision) decision!: RecordedDecision;
}

/** The task and the person whose place in it the `task` rule asks about. */
export class TaskAccessFactsQuery {
  @IsId() taskId!: string;
  @IsId() personId!: string;
}

export class TaskVisibilityQuery {
  @IsId() personId!: string;
}

export interface TaskHistoryEntry {
  id: string;
  from: { id: string; name: string } | null;
  to: { id: string; name: string };
  actorId: string | null;
  actorRoles: TaskRole[];
  actorKind: PersonKind | null;
  at: string;
  decision: RecordedDecision | null;
}

/** What the `task` resource rule needs, read from the workflow service at decision time. */
export interface TaskAccessFacts {
  taskId: string;
  workflowId: string;
  status: { id: string; name: string; category: StatusCategory };
  /** The asking person in this task: its roles (none when not a participant) and its kind. */
  person: { roles: TaskRole[]; kind: PersonKind | null };
  participantIds: string[];
  statuses: Array<{ id: string; name: string; category: StatusCategory; archived: boolean }>;
  /** Transitions out of the current status. */
  transitions: Array<{ toStatusId: string; grants: TransitionGrants }>;
}

export interface TaskRpc {
  'workflow.tasks.create': { request: CreateTaskData; response: TaskView };
  /**
   * The statuses a new task may start in: the template's initial status; else the task workflow's
   * initial statuses (not archived, in workflow order), or its first status when it has no initial one.
   */
  'workflow.tasks.initial-statuses': { request: TaskStartQuery; response: OrderStartingStatuses };
  'workflow.tasks.list': { request: ListTasksData; response: Page<TaskView> };
  'workflow.tasks.get': { request: TaskRef; response: TaskView };
  'workflow.tasks.update': { request: UpdateTaskData; response: TaskView };
  'workflow.tasks.participants.change': { request: ChangeParticipantsData; response: TaskView };
  'workflow.tasks.change-status': { request: ChangeTaskStatusData; response: TaskView };
  'workflow.tasks.history': { request: TaskRef; response: TaskHistoryEntry[] };
  'workflow.tasks.access-facts': { request: TaskAccessFactsQuery; response: TaskAccessFacts };
  /** The scope is required, so that a caller cannot forget it. */
  'workflow.projects.list': { request: ListProjectsData; response: ProjectView[] };
  'workflow.projects.get': { request: ProjectRef; response: ProjectView };
  'workflow.projects.create': { request: ProjectInput; response: ProjectView };
  'workflow.projects.update': { request: UpdateProjectData; response: ProjectView };
  'workflow.templates.list': { request: ListTemplatesData; response: TemplateView[] };
  'workflow.templates.get': { request: TemplateRef; response: TemplateView };
  'workflow.templates.create': { request: TemplateInput; response: TemplateView };
  'workflow.templates.update': { request: UpdateTemplateData; response: TemplateView };
  /** Whose tasks a person sees: its own participation, plus its departments' with `tasks.read-department`. */
  'permissions.tasks.visibility': { request: TaskVisibilityQuery; response: TaskVisibility & { policyVersion: number } };
}

export const TASK_RPC_REQUESTS: RpcRequestContracts<TaskRpc> = {
  'workflow.tasks.create': CreateTaskData,
  'workflow.tasks.initial-statuses': TaskStartQuery,
  'workflow.tasks.list': ListTasksData,
  'workflow.tasks.get': TaskRef,
  'workflow.tasks.update': UpdateTaskData,
  'workflow.tasks.participants.change': ChangeParticipantsData,
  'workflow.tasks.change-status': ChangeTaskStatusData,
  'workflow.tasks.history': TaskRef,
  'workflow.tasks.access-facts': TaskAccessFactsQuery,
  'workflow.projects.list': ListProjectsData,
  'workflow.projects.get': ProjectRef,
  'workflow.projects.create': ProjectInput,
  'workflow.projects.update': UpdateProjectData,
  'workflow.templates.list': ListTemplatesData,
  'workflow.templates.get': TemplateRef,
  'workflow.templates.create': TemplateInput,
  'workflow.templates.update': UpdateTemplateData,
  'permissions.tasks.visibility': TaskVisibilityQuery,
};
