import type { TaskVisibility } from '@warden/contracts';
import type { NextParam } from '../orders/order-sight.filter';

/** Everyone whose participation makes a task visible: the viewer and, with `tasks.read-department`, its departments' people. */
export function taskViewers(visibility: TaskVisibility): string[] {
  return [...new Set([...visibility.participantIds, ...visibility.departmentMemberIds])];
}

/**
 * The visibility part of every task list (docs/rules.md#tasks), as SQL over `tasks t`: every task with `all`, else
 * the tasks one of the viewers takes part in (the participants index by person). The lists (task.repository.ts)
 * and the permission preview (task-sight.repository.ts) filter with this one function.
 */
export function taskSightCondition(visibility: TaskVisibility, next: NextParam): string {
  if (visibility.all === true) return 'true';
  return `EXISTS (SELECT 1 FROM task_participants v WHERE v.tenant_id = t.tenant_id AND v.task_id = t.id AND v.person_id = ANY(${next(taskViewers(visibility))}::uuid[]))`;
}
