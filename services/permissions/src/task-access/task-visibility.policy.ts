import type { PersonKind, TaskVisibility } from '@warden/contracts';
import type { PersonFacts } from '../check/decision.policy';
import { evaluateRight } from '../check/decision.policy';

/** Pure visibility rules of task lists (docs/rules.md#tasks); no framework, no database. */

/** How far a person's task lists reach: every task, its departments' people's tasks too, or its own. */
export type TaskReach = 'all' | 'department' | 'own';

/** `tasks.read-all`, else `tasks.read-department`, for employees only: a contact sees only tasks it takes part in. */
export function taskReach(facts: PersonFacts, kind: PersonKind | null): TaskReach {
  if (kind === 'contact') return 'own';
  if (evaluateRight('tasks.read-all', facts, []).allowed) return 'all';
  return evaluateRight('tasks.read-department', facts, []).allowed ? 'department' : 'own';
}

/**
 * The task lists' filter (`workflow.tasks.list`): the person's own tasks, plus those its departments' people
 * (`departmentPeople`: members and heads, needed only for `department`) take part in, or every task.
 */
export function taskVisibilityOf(personId: string, reach: TaskReach, departmentPeople: readonly string[]): TaskVisibility {
  if (reach === 'all') return { participantIds: [personId], departmentMemberIds: [], all: true };
  return { participantIds: [personId], departmentMemberIds: reach === 'department' ? [...new Set(departmentPeople)].sort() : [] };
}
