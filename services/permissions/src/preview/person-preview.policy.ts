import { isDeepStrictEqual } from 'node:util';
import { RIGHTS } from '@warden/contracts';
import type {
  OrderSight,
  PersonKind,
  PersonPreview,
  PreviewAction,
  PreviewExplanation,
  Right,
  SightDelta,
  TaskVisibility,
} from '@warden/contracts';
import { decideRight, effectiveRights, evaluateRight } from '../check/decision.policy';
import { departmentViewers, orderSightOf } from '../order-access/order-visibility.policy';
import type { ScopeFacts } from '../order-access/order-visibility.policy';
import { atLeast, effectiveLevel, mayChangeClosed, visibleStatusIds } from '../status-access/status-levels.policy';
import type { PersonLevelFacts, StatusFact } from '../status-access/status-levels.policy';
import { taskReach, taskVisibilityOf } from '../task-access/task-visibility.policy';
import type { TaskReach } from '../task-access/task-visibility.policy';
import type { PreviewFacts } from './person-facts.change';

/** Pure parts of the permission preview (preview-change.handler.ts); no framework, no database. */

export const NO_ORDERS: SightDelta = { total: 0, byStatus: [], sample: [] };

/**
 * What a person's levels let it do, by the rules of order-status.rule.ts: `order.status.set` on every
 * order status it has `set` on, `order.closed.change` with the closed-order flag in force.
 */
export function levelActions(statuses: readonly StatusFact[], facts: PersonLevelFacts): PreviewAction[] {
  const actions: PreviewAction[] = statuses
    .filter((status) => atLeast(effectiveLevel(status, facts).level, 'set'))
    .map((status) => ({ action: 'order.status.set', statusId: status.statusId }));
  if (mayChangeClosed(facts).allowed) actions.push({ action: 'order.closed.change' });
  return actions;
}

/** One side of a change for one person: the filter of its order lists and what it may do. */
export interface Side {
  sight: OrderSight;
  actions: PreviewAction[];
}

function granted(right: 'orders.read' | 'departments.all' | 'tasks.read', facts: PreviewFacts): { allowed: boolean; reason: string } {
  const verdict = evaluateRight(right, facts.rights, []);
  return { allowed: verdict.allowed, reason: verdict.reason };
}

/**
 * A person's side on given facts, by the rules of the real checks: order lists are behind
 * `orders.read` (the route's action), then the status levels and the department / client scope, whose
 * `departments.all` is decided again on these facts; actions are the catalog rights the person
 * effectively has (decision.policy.ts, `auth.login` with the login bar) and the level actions.
 * A person unknown or deleted sees and may do nothing.
 */
export function sideOf(personId: string, statuses: readonly StatusFact[], facts: PreviewFacts, scope: ScopeFacts): Side {
  const active = facts.rights.known && !facts.rights.deleted;
  const readsOrders = active && granted('orders.read', facts).allowed;
  const placed: ScopeFacts = { ...scope, allDepartments: granted('departments.all', facts) };
  return {
    sight: orderSightOf(personId, readsOrders ? visibleStatusIds(statuses, facts.levels) : [], facts.rights, placed),
    actions: active
      ? [...effectiveRights(facts.rights).map((action): PreviewAction => ({ action })), ...levelActions(statuses, facts.levels)]
      : [],
  };
}

/** A department as task sight sees it: who of it takes part in tasks its members' colleagues may see. */
export interface DepartmentPeople {
  id: string;
  memberIds: readonly string[];
  headId: string | null;
}

/** How far a person's task lists reach on given facts; `none` without `tasks.read` (the lists' route refuses). */
export function taskReachOf(facts: PreviewFacts, kind: PersonKind | null): TaskReach | 'none' {
  if (!facts.rights.known || facts.rights.deleted || !granted('tasks.read', facts).allowed) return 'none';
  return taskReach(facts.rights, kind);
}

/**
 * A person's task list filter, by the rules of get-task-visibility.handler.ts, with the tenant's departments as
 * they would be (read only for `department`): its own tasks, its departments' people's, or all of them.
 */
export function taskSightOf(personId: string, reach: TaskReach | 'none', departments: readonly DepartmentPeople[]): TaskVisibility {
  if (reach === 'none') return { participantIds: [], departmentMemberIds: [] };
  const people = departments.map(departmentViewers).filter((viewers) => viewers.includes(personId));
  return taskVisibilityOf(personId, reach, people.flat());
}

/**
 * The decisions the change turns, worded as /permissions/explain words them: every right of the catalog by the
 * check's own rules (decision.policy.ts), the level on every status and the closed-order flag by
 * status-levels.policy.ts. A decision whose outcome stays (the same code, or level) is left out, even if its sentence
 * changes (another group now grants the same right).
 */
export function explainChanges(statuses: readonly StatusFact[], before: PreviewFacts, after: PreviewFacts): PreviewExplanation[] {
  const turned: PreviewExplanation[] = [];
  const compare = (entry: PreviewExplanation): void => {
    if (entry.before.code !== entry.after.code) turned.push(entry);
  };
  for (const right of Object.keys(RIGHTS) as Right[]) {
    const [was, will] = [decideRight(right, before.rights), decideRight(right, after.rights)];
    compare({ action: right, before: { code: was.code, reason: was.reason }, after: { code: will.code, reason: will.reason } });
  }
  for (const status of statuses) {
    const [was, will] = [effectiveLevel(status, before.levels), effectiveLevel(status, after.levels)];
    compare({
      action: 'order.status.level',
      statusId: status.statusId,
      before: { code: was.level, reason: was.detail },
      after: { code: will.level, reason: will.detail },
    });
  }
  const closed = (facts: PreviewFacts) => {
    const { allowed, explicit } = mayChangeClosed(facts.levels);
    const source = explicit ? "the person's own closed-order flag" : 'membership of the Administrator group';
    return { code: allowed ? 'ALLOWED' : 'DENIED', reason: `${allowed ? 'May' : 'May not'} change closed orders (${source})` };
  };
  compare({ action: 'order.closed.change', before: closed(before), after: closed(after) });
  return turned;
}

function keyOf(action: PreviewAction): string {
  return `${action.action}:${action.statusId ?? ''}`;
}

/** Actions held before and not after (lose), and the reverse (gain). */
export function actionChange(before: readonly PreviewAction[], after: readonly PreviewAction[]): PersonPreview['actions'] {
  const had = new Set(before.map(keyOf));
  const has = new Set(after.map(keyOf));
  return { lose: before.filter((action) => !has.has(keyOf(action))), gain: after.filter((action) => !had.has(keyOf(action))) };
}

export function sameSight(before: OrderSight, after: OrderSight): boolean {
  return isDeepStrictEqual(before, after);
}

export function sameTasks(before: TaskVisibility, after: TaskVisibility): boolean {
  return isDeepStrictEqual(before, after);
}

/** A person shows up in the preview only when its sight or its actions change. */
export function changes(person: PersonPreview): boolean {
  const { orders, tasks, actions } = person;
  return orders.lose.total + orders.gain.total + tasks.lose.total + tasks.gain.total + actions.lose.length + actions.gain.length > 0;
}
