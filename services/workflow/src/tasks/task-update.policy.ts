import type { DomainError } from '@warden/kernel';
import type { TaskView, UpdateTaskData } from '@warden/contracts';
import { TaskErrors } from './task.errors';
import { taskVersionRefusal } from './task-version.policy';

type TaskFieldChanges = UpdateTaskData['changes'];

/** Checked before the task is read: a title, when given, is not blank (the request's class trimmed it). */
export function taskFieldsRefusal(changes: TaskFieldChanges): DomainError | null {
  return changes.title !== undefined && !changes.title ? TaskErrors.titleRequired() : null;
}

/** What a field update of the task (read under its row lock) writes; refused when it names another version. */
export function planTaskUpdate(
  task: Pick<TaskView, 'version'>,
  request: Pick<UpdateTaskData, 'expectedVersion' | 'changes'>,
): TaskFieldChanges | DomainError {
  const stale = taskVersionRefusal(task, request.expectedVersion);
  if (stale) return stale;
  return { title: request.changes.title, description: request.changes.description };
}
