import type { AutomationActionKind, AutomationActionResult, AutomationActions, Decision, OrderView, ResourceRef } from '@warden/contracts';

/** What the actions read of an order: the value each sets, and what the `order` rule decides on. */
export type AutomationActionFacts = Pick<OrderView, 'departmentId' | 'responsibleId' | 'clientContactId' | 'clientCompanyId'> & {
  status: { id: string };
};

export interface AutomationStep {
  action: AutomationActionKind;
  value: string;
}

/** The permission the rule's owner needs for a step: the action and resource the gateway asks for the same change by hand. */
export interface OwnerCheck {
  action: 'orders.transfer' | 'orders.update';
  resource: ResourceRef;
}

/** A rule's actions in the order they run: the department first, so the responsible employee is set where the order ends up. */
export function automationSteps(actions: AutomationActions): AutomationStep[] {
  const steps: AutomationStep[] = [];
  if (actions.departmentId !== undefined) steps.push({ action: 'set-department', value: actions.departmentId });
  if (actions.responsibleId !== undefined) steps.push({ action: 'set-responsible', value: actions.responsibleId });
  return steps;
}

/** Nothing to ask when the order already is as the step would make it. */
export function stepIsNoop(step: AutomationStep, order: AutomationActionFacts): boolean {
  return step.action === 'set-department' ? order.departmentId === step.value : order.responsibleId === step.value;
}

/**
 * A transfer needs `orders.transfer` for the target department (services/gateway/src/orders/order-access.service.ts
 * `transfer`), a responsible employee `orders.update` on the order as it is (its `update`, which is a field change).
 */
export function ownerCheckOf(step: AutomationStep, order: AutomationActionFacts): OwnerCheck {
  const resource: ResourceRef = {
    type: 'order',
    statusId: order.status.id,
    departmentId: order.departmentId,
    clientContactId: order.clientContactId,
    clientCompanyId: order.clientCompanyId,
  };
  return step.action === 'set-department'
    ? { action: 'orders.transfer', resource: { ...resource, targetDepartmentId: step.value } }
    : { action: 'orders.update', resource };
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
