import type { EntityManager } from 'typeorm';
import { DomainError } from '@warden/kernel';
import type { PersonKind, TaskRole, TaskView } from '@warden/contracts';
import type { WorkflowRepository } from '../workflows/workflow.repository';
import { TaskErrors } from './task.errors';
import type { StatusRecord, TaskRepository } from './task.repository';
import { templateStartStatuses, workflowStartStatuses } from './task-start.policy';

/** The roles a person has in the task, and its kind as the task records it (null: not a participant). */
export function rolesOf(task: TaskView, personId: string | null): { roles: TaskRole[]; kind: PersonKind | null } {
  const mine = task.participants.filter((participant) => participant.personId === personId);
  return { roles: [...new Set(mine.map((participant) => participant.role))], kind: mine[0]?.kind ?? null };
}

/** The task of the tenant, or TASK.NOT_FOUND; `lock` (inside `manager`'s transaction) holds its row until it ends. */
export async function existingTask(
  tasks: TaskRepository,
  tenantId: string,
  taskId: string,
  manager?: EntityManager,
  lock = false,
): Promise<TaskView> {
  const task = await tasks.get(tenantId, taskId, manager, lock);
  if (!task) throw TaskErrors.notFound();
  return task;
}

/** A template fixes workflow and status; otherwise the given task workflow's initial statuses. Never empty. */
export async function startStatuses(
  tasks: TaskRepository,
  workflows: WorkflowRepository,
  tx: EntityManager,
  tenantId: string,
  workflowId: string | undefined,
  template: { workflowId: string; initialStatusId: string } | null,
): Promise<StatusRecord[]> {
  let statuses: StatusRecord[] | DomainError;
  if (template) {
    const status = await tasks.status(tenantId, template.initialStatusId, tx);
    statuses = templateStartStatuses(workflowId, { workflowId: template.workflowId }, status);
  } else {
    const workflow = workflowId ? await workflows.get(tenantId, workflowId, tx) : null;
    const initial = workflow?.kind === 'task' ? await tasks.startStatuses(tenantId, workflow.id, tx) : [];
    statuses = workflowStartStatuses(workflowId, workflow, initial);
  }
  if (statuses instanceof DomainError) throw statuses;
  return statuses;
}
