import type { Page } from '@warden/kernel';
import type { PersonKind } from '../events/identity.events';
import type { TaskRole } from '../events/task.events';
import type { StatusCategory } from '../events/workflow.events';
import type { OrderStartingStatuses, RecordedDecision } from './workflow.rpc';
import type { TransitionGrants } from './transition.rpc';

export interface TaskParticipantInput {
  personId: string;
  role: TaskRole;
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
export interface ProjectScope {
  contactId: string | null;
  companyId: string | null;
  /** The contacts of the contact's company, itself included (itself alone without a company). */
  companyContactIds: string[];
}

export interface ProjectInput {
  name: string;
  counterpartyCompanyId?: string | null;
  defaultAuditorIds?: string[];
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

export interface TemplateInput {
  name: string;
  workflowId: string;
  initialStatusId: string;
  defaultParticipants?: TaskParticipantInput[];
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

export interface CreateTaskData {
  title: string;
  description?: string;
  projectId?: string | null;
  templateId?: string | null;
  /** Needed without a template; a template's workflow wins and a different one is refused. */
  workflowId?: string;
  /** Added to the defaults of the project and template; the creator always becomes the assigner. */
  participants?: TaskParticipantInput[];
  /**
   * The status to start in, one of `workflow.tasks.initial-statuses` (the gateway picks the first its
   * creator may set); without it, the first of them.
   */
  statusId?: string;
}

/** Who may see which tasks, as the permissions service answered; the filter goes into SQL. */
export interface TaskVisibility {
  /** Tasks in which one of these people participates (the viewer). */
  participantIds: string[];
  /** Also tasks in which one of these people participates (members of the viewer's departments). */
  departmentMemberIds: string[];
  /** Every task of the tenant (`tasks.read-all`); the lists above are then moot. */
  all?: boolean;
}

export interface ListTasksData {
  visibility: TaskVisibility;
  projectId?: string;
  statusId?: string;
  participantId?: string;
  role?: TaskRole;
  cursor?: string;
  limit: number;
}

export interface UpdateTaskData {
  taskId: string;
  expectedVersion?: number;
  changes: { title?: string; description?: string };
}

export interface ChangeParticipantsData {
  taskId: string;
  add?: TaskParticipantInput[];
  remove?: TaskParticipantInput[];
}

export interface ChangeTaskStatusData {
  taskId: string;
  targetStatusId: string;
  /** The status the decision was made for; refused if the task moved since. */
  expectedStatusId: string;
  expectedVersion?: number;
  decision: RecordedDecision;
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
  'workflow.tasks.initial-statuses': { request: { workflowId?: string; templateId?: string }; response: OrderStartingStatuses };
  'workflow.tasks.list': { request: ListTasksData; response: Page<TaskView> };
  'workflow.tasks.get': { request: { taskId: string }; response: TaskView };
  'workflow.tasks.update': { request: UpdateTaskData; response: TaskView };
  'workflow.tasks.participants.change': { request: ChangeParticipantsData; response: TaskView };
  'workflow.tasks.change-status': { request: ChangeTaskStatusData; response: TaskView };
  'workflow.tasks.history': { request: { taskId: string }; response: TaskHistoryEntry[] };
  'workflow.tasks.access-facts': { request: { taskId: string; personId: string }; response: TaskAccessFacts };
  /** The scope is required, so that a caller cannot forget it. */
  'workflow.projects.list': { request: { scope: ProjectScope }; response: ProjectView[] };
  'workflow.projects.get': { request: { projectId: string }; response: ProjectView };
  'workflow.projects.create': { request: ProjectInput; response: ProjectView };
  'workflow.projects.update': { request: { projectId: string; changes: Partial<ProjectInput> }; response: ProjectView };
  'workflow.templates.list': { request: { scope: ProjectScope }; response: TemplateView[] };
  'workflow.templates.get': { request: { templateId: string }; response: TemplateView };
  'workflow.templates.create': { request: TemplateInput; response: TemplateView };
  'workflow.templates.update': { request: { templateId: string; changes: Partial<TemplateInput> }; response: TemplateView };
  /** Whose tasks a person sees: its own participation, plus its departments' with `tasks.read-department`. */
  'permissions.tasks.visibility': { request: { personId: string }; response: TaskVisibility & { policyVersion: number } };
}
