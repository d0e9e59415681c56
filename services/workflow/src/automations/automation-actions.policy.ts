import { ORDER_TAGS_MAX } from '@warden/contracts';
import type { AutomationActionKind, AutomationActionResult, AutomationActions, Decision, OrderView, ResourceRef } from '@warden/contracts';
import { tagWouldOverflow, withTag } from '../orders/order-tags.policy';

/** What the actions read of an order: the value each sets, and what the `order` rule decides on. */
export type AutomationActionFacts = Pick<
  OrderView,
  'workflowId' | 'departmentId' | 'responsibleId' | 'clientContactId' | 'clientCompanyId' | 'tags'
> & {
  status: { id: string };
};

/** The status a `set-status` step names, as stored (null: no longer exists). */
export interface AutomationTargetStatus {
  id: string;
  workflowId: string;
  name: string;
  archived: boolean;
}

export interface AutomationStep {
  action: AutomationActionKind;
  value: string;
}

/** The permission the rule's owner needs for a step: the action and resource the gateway asks for the same change by hand. */
export interface OwnerCheck {
  action: 'orders.transfer' | 'orders.update' | 'orders.read';
  resource: ResourceRef;
}

/**
 * A rule's actions in the order they run: the department first, so the status is set, the responsible employee
 * chosen, the tag added and the note written where the order ends up, each checked against the order as the steps
 * before left it.
 */
export function automationSteps(actions: AutomationActions): AutomationStep[] {
  const steps: AutomationStep[] = [];
  if (actions.departmentId !== undefined) steps.push({ action: 'set-department', value: actions.departmentId });
  if (actions.statusId !== undefined) steps.push({ action: 'set-status', value: actions.statusId });
  if (actions.responsibleId !== undefined) steps.push({ action: 'set-responsible', value: actions.responsibleId });
  if (actions.tag !== undefined) steps.push({ action: 'add-tag', value: actions.tag });
  // Last, so the note is written on the order as the rule left it (where its readers now find it).
  if (actions.note !== undefined) steps.push({ action: 'add-note', value: actions.note });
  // Last of all: the email tells of the order as the rule left it.
  if (actions.notifyPersonId !== undefined) steps.push({ action: 'notify', value: actions.notifyPersonId });
  return steps;
}

/**
 * Nothing to ask when the order already is as the step would make it (a tag it has counts); a note is added and a
 * person notified every time.
 */
export function stepIsNoop(step: AutomationStep, order: AutomationActionFacts): boolean {
  switch (step.action) {
    case 'set-department':
      return order.departmentId === step.value;
    case 'set-status':
      return order.status.id === step.value;
    case 'set-responsible':
      return order.responsibleId === step.value;
    case 'add-tag':
      return order.tags.includes(step.value);
    case 'add-note':
    case 'notify':
      return false;
  }
}

/** The order as a step that was applied leaves it (what later steps and a dry run's next step are judged on). */
export function orderAfterStep<T extends AutomationActionFacts>(step: AutomationStep, order: T, target?: AutomationTargetStatus | null): T {
  switch (step.action) {
    case 'set-department':
      return { ...order, departmentId: step.value };
    case 'set-status':
      return { ...order, status: { ...order.status, id: step.value, ...(target ? { name: target.name } : {}) } };
    case 'set-responsible':
      return { ...order, responsibleId: step.value };
    case 'add-tag':
      return { ...order, tags: withTag(order.tags, step.value) };
    case 'add-note':
    case 'notify':
      return order;
  }
}

/**
 * A status the order cannot be put into whoever asks, as the manual change refuses it
 * (orders/order-status-change.policy.ts): gone or of another workflow than the order's (a rule may run on orders
 * of several workflows), or archived. Null for every other step, and for a status the order can take.
 */
export function statusStepRefusal(
  step: AutomationStep,
  order: AutomationActionFacts,
  target: AutomationTargetStatus | null,
): AutomationActionResult | null {
  if (step.action !== 'set-status' || stepIsNoop(step, order)) return null;
  const refused = (code: string, reason: string): AutomationActionResult => ({
    action: step.action,
    value: step.value,
    outcome: 'refused',
    code,
    reason,
  });
  if (!target || target.workflowId !== order.workflowId) return refused('STATUS.UNKNOWN', "The status is not one of the order's workflow");
  if (target.archived) return refused('STATUS.ARCHIVED', `The status '${target.name}' is archived`);
  return null;
}

/**
 * A tag the order cannot take whoever asks, as a person's change of the tags is refused (orders/order-tags.policy.ts):
 * one more than ORDER_TAGS_MAX. Null for every other step, and for a tag the order has or can take.
 */
export function tagStepRefusal(step: AutomationStep, order: AutomationActionFacts): AutomationActionResult | null {
  if (step.action !== 'add-tag' || !tagWouldOverflow(order.tags, step.value)) return null;
  return {
    action: step.action,
    value: step.value,
    outcome: 'refused',
    code: 'ORDER.TOO_MANY_TAGS',
    reason: `The order has ${ORDER_TAGS_MAX} tags already`,
  };
}

/**
 * A transfer needs `orders.transfer` for the target department (services/gateway/src/orders/order-access.service.ts
 * `transfer`), a status `orders.update` with the target status (its `changeStatus`: `set` on that status, and the
 * final-status lock), a responsible employee and a tag `orders.update` on the order as it is (its `update`, a field
 * change), a note `orders.read` on it (order-comments.controller.ts `add`: whoever sees an order may comment on it; that only
 * employees write internal notes is checked when the rule is saved, automation-rule.references.ts), a notification
 * `orders.read` too (the owner has the order told about only if the owner could read it).
 */
export function ownerCheckOf(step: AutomationStep, order: AutomationActionFacts): OwnerCheck {
  const resource: ResourceRef = {
    type: 'order',
    statusId: order.status.id,
    departmentId: order.departmentId,
    clientContactId: order.clientContactId,
    clientCompanyId: order.clientCompanyId,
  };
  switch (step.action) {
    case 'set-department':
      return { action: 'orders.transfer', resource: { ...resource, targetDepartmentId: step.value } };
    case 'set-status':
      return { action: 'orders.update', resource: { ...resource, targetStatusId: step.value } };
    case 'set-responsible':
    case 'add-tag':
      return { action: 'orders.update', resource };
    case 'add-note':
    case 'notify':
      return { action: 'orders.read', resource };
  }
}

/** What a step does: nothing when the order already is so, else what the owner's decision allows. */
export function automationStepOutcome(
  step: AutomationStep,
  order: AutomationActionFacts,
  decision: Decision | null,
): AutomationActionResult {
  if (stepIsNoop(step, order) || !decision) {
    return {
      action: step.action,
      value: step.value,
      outcome: 'unchanged',
      code: 'AUTOMATION.UNCHANGED',
      reason: 'The order already is so',
    };
  }
  return {
    action: step.action,
    value: step.value,
    outcome: decision.allowed ? 'applied' : 'refused',
    code: decision.code,
    reason: decision.allowed ? decision.reason : `The rule's owner may not: ${decision.reason}`,
  };
}

const STEP_PHRASES: Record<AutomationActionKind, string> = {
  'set-department': 'transfer the order',
  'set-status': 'set the status',
  'set-responsible': 'set the responsible employee',
  'add-tag': 'add its tag',
  'add-note': 'add its note',
  notify: 'notify its employee',
};

/** The order history's note for a step the rule did not take. */
export function automationRefusalNote(ruleName: string, result: AutomationActionResult): string {
  return `Rule '${ruleName}' did not ${STEP_PHRASES[result.action]}: ${result.reason} (${result.code})`;
}

/** The order history's note for a notification a rule asked for (the email itself is the integrations service's). */
export function automationNotifyNote(ruleName: string, personId: string): string {
  return `Rule '${ruleName}' notifies employee ${personId} by email`;
}
