import type { DomainError } from '@warden/kernel';
import type { PersonKind, RecordedDecision, TaskRole, TaskStatusChangedV1, TaskView } from '@warden/contracts';
import { TaskErrors } from './task.errors';
import { taskVersionRefusal } from './task-version.policy';

/** A status of the tenant as stored, looked up by the id the request named. */
export interface TaskTargetStatus {
  id: string;
  workflowId: string;
  name: string;
  archived: boolean;
}

/** What the rule reads of the task. */
export type TaskStatusFacts = Pick<TaskView, 'id' | 'workflowId' | 'version'> & { status: { id: string; name: string } };

export interface TaskStatusChangeRequest {
  /** The status the permission decision was made for. */
  expectedStatusId: string;
  expectedVersion?: number;
  decision: RecordedDecision;
}

/** What the change depends on besides the task, read in the same transaction. */
export interface TaskStatusChangeFacts<S extends TaskTargetStatus> {
  /** The status the request names, null when there is none. */
  target: S | null;
  /** Whether the task's workflow still has a transition from the current status to the target. */
  transitionExists: boolean;
  /** Who makes the change: its roles in the task, and its kind (recorded in history and event). */
  actor: { id: string | null; roles: TaskRole[]; kind: PersonKind | null };
}

/** What a permitted status change writes: the status, its history entry and its event (`at` is the commit's). */
export interface TaskStatusChangePlan<S extends TaskTargetStatus> {
  target: S;
  history: {
    from: { id: string; name: string };
    to: { id: string; name: string };
    actorId: string | null;
    actorRoles: TaskRole[];
    actorKind: PersonKind | null;
    decision: RecordedDecision;
  };
  event: Omit<TaskStatusChangedV1, 'at'>;
}

/**
 * Whether the task (read under its row lock) may move to the target status, and what the move writes.
 * Refused, in this order: another version than the request names; the task left the status the decision
 * was made for; a status that is unknown or of another workflow; the status it already has; an archived
 * status; no transition to it any more (the permissions service decided on the transition, which must
 * still exist at commit).
 */
export function planTaskStatusChange<S extends TaskTargetStatus>(
  task: TaskStatusFacts,
  request: TaskStatusChangeRequest,
  facts: TaskStatusChangeFacts<S>,
): TaskStatusChangePlan<S> | DomainError {
  const { target, actor } = facts;
  const stale = taskVersionRefusal(task, request.expectedVersion);
  if (stale) return stale;
  if (task.status.id !== request.expectedStatusId) return TaskErrors.statusMoved();
  if (!target || target.workflowId !== task.workflowId) return TaskErrors.unknownStatus();
  if (target.id === task.status.id) return TaskErrors.alreadyInStatus();
  if (target.archived) return TaskErrors.archivedStatus();
  if (!facts.transitionExists) return TaskErrors.noTransition(task.status.name, target.name);
  const from = { id: task.status.id, name: task.status.name };
  const to = { id: target.id, name: target.name };
  return {
    target,
    history: { from, to, actorId: actor.id, actorRoles: actor.roles, actorKind: actor.kind, decision: request.decision },
    event: {
      taskId: task.id,
      from,
      to,
      actorId: actor.id,
      actorRoles: actor.roles,
      actorKind: actor.kind,
      decisionCode: request.decision.code,
      policyVersion: request.decision.policyVersion,
    },
  };
}
