import { isDeepStrictEqual } from 'node:util';
import type { OrderSight, PersonPreview, PreviewAction, SightDelta } from '@warden/contracts';
import { atLeast, effectiveLevel, mayChangeClosed } from '../status-access/status-levels.policy';
import type { PersonLevelFacts, StatusFact } from '../status-access/status-levels.policy';

/** Pure parts of the permission preview (preview.service.ts); no framework, no database. */

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

/** A person shows up in the preview only when its sight or its actions change. */
export function changes(person: PersonPreview): boolean {
  const { orders, tasks, actions } = person;
  return orders.lose.total + orders.gain.total + tasks.lose.total + tasks.gain.total + actions.lose.length + actions.gain.length > 0;
}
