import { TaskCreatedV1, TaskParticipantsChangedV1, TaskStatusChangedV1 } from '@warden/contracts';
import type { OutgoingEvent, TaskParticipantView, TaskView } from '@warden/contracts';

/** `createdBy`: the creator as the request named it. */
export function taskCreated(tenantId: string, task: TaskView, createdBy: string | null): OutgoingEvent<TaskCreatedV1> {
  return {
    contract: TaskCreatedV1,
    tenantId,
    subject: task.id,
    data: {
      taskId: task.id,
      title: task.title,
      projectId: task.projectId,
      templateId: task.templateId,
      workflowId: task.workflowId,
      status: { id: task.status.id, name: task.status.name },
      participants: task.participants,
      createdBy,
      at: task.createdAt,
    },
  };
}

export function taskParticipantsChanged(
  tenantId: string,
  task: TaskView,
  added: TaskParticipantView[],
  removed: TaskParticipantView[],
  actorId: string | null,
): OutgoingEvent<TaskParticipantsChangedV1> {
  return {
    contract: TaskParticipantsChangedV1,
    tenantId,
    subject: task.id,
    data: { taskId: task.id, added, removed, participants: task.participants, actorId, at: task.updatedAt },
  };
}

/** `change`: what the status change policy planned (task-status-change.policy.ts); `at` is the task's new update time. */
export function taskStatusChanged(
  tenantId: string,
  task: TaskView,
  change: Omit<TaskStatusChangedV1, 'at'>,
): OutgoingEvent<TaskStatusChangedV1> {
  return { contract: TaskStatusChangedV1, tenantId, subject: task.id, data: { ...change, at: task.updatedAt } };
}
