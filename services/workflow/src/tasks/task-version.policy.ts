import type { DomainError } from '@warden/kernel';
import { TaskErrors } from './task.errors';

/**
 * Optimistic concurrency (`If-Match`): a change that names the version it was made against is refused
 * once the task moved past it; a change that names none is not checked. Read under the row lock.
 */
export function taskVersionRefusal(task: { version: number }, expectedVersion: number | undefined): DomainError | null {
  if (expectedVersion === undefined || expectedVersion === task.version) return null;
  return TaskErrors.versionMismatch(expectedVersion, task.version);
}
