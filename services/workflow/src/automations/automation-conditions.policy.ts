import type { AutomationConditionResult, AutomationConditions, OrderView } from '@warden/contracts';
import { evaluateContactCondition } from './automation-contact-condition.policy';
import type { AutomationContactFacts } from './automation-contact-condition.policy';

/** What the conditions read of an order. */
export type AutomationOrderFacts = Pick<OrderView, 'clientCompanyId' | 'departmentId' | 'channelId' | 'tags'> & {
  status: { id: string; name: string };
};

/** Whether judging the rule needs the order's client contact (read from the directory only then). */
export function needsContact(conditions: AutomationConditions): boolean {
  return (conditions.contactFields?.length ?? 0) > 0;
}

export interface ConditionsVerdict {
  matched: boolean;
  /** One entry per condition the rule states, in a fixed order, each with whether it holds. */
  results: AutomationConditionResult[];
}

function oneOf(
  condition: AutomationConditionResult['condition'],
  allowed: readonly string[] | undefined,
  value: string | null,
  what: string,
): AutomationConditionResult | null {
  if (allowed === undefined) return null;
  const holds = value !== null && allowed.includes(value);
  const shown = value ?? 'none';
  return {
    condition,
    holds,
    detail: holds ? `The order's ${what} ${shown} is one of the rule's` : `The order's ${what} ${shown} is not one of the rule's`,
  };
}

/** `tags` holds when the order has at least one of the rule's tags (both normalised, order-tags.policy.ts). */
function anyTag(allowed: readonly string[] | undefined, tags: readonly string[]): AutomationConditionResult | null {
  if (allowed === undefined) return null;
  const shared = tags.filter((tag) => allowed.includes(tag));
  const shown = (list: readonly string[]): string => (list.length ? list.map((tag) => `'${tag}'`).join(', ') : 'none');
  return shared.length > 0
    ? { condition: 'tags', holds: true, detail: `The order has the rule's tag ${shown(shared)}` }
    : { condition: 'tags', holds: false, detail: `The order's tags (${shown(tags)}) are none of the rule's (${shown(allowed)})` };
}

/**
 * Whether an automation rule's conditions hold for the order as it is now: every condition stated must hold
 * (a list holds when it contains the order's value; an order without a company, department or channel — one not
 * opened from an inbound message — matches no list; `tags` holds when the order has at least one of them);
 * a rule without conditions matches every order. All conditions are evaluated, so a dry run shows each one.
 * `contact` is the order's client contact, when the rule tests it (`needsContact`) and the order has one.
 */
export function evaluateAutomationConditions(
  conditions: AutomationConditions,
  order: AutomationOrderFacts,
  contact: AutomationContactFacts | null = null,
): ConditionsVerdict {
  const results = [
    oneOf('clientCompanyIds', conditions.clientCompanyIds, order.clientCompanyId, 'client company'),
    oneOf('departmentIds', conditions.departmentIds, order.departmentId, 'department'),
    oneOf('statusIds', conditions.statusIds, order.status.id, `status '${order.status.name}'`),
    oneOf('channelIds', conditions.channelIds, order.channelId, 'channel'),
    anyTag(conditions.tags, order.tags),
    ...(conditions.contactFields ?? []).map((condition) => evaluateContactCondition(condition, contact)),
  ].filter((result): result is AutomationConditionResult => result !== null);
  return { matched: results.every((result) => result.holds), results };
}
