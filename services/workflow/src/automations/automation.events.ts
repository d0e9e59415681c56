import { AutomationAppliedV1 } from '@warden/contracts';
import type { AutomationActionResult, AutomationRuleView, AutomationTrigger, OrderView, OutgoingEvent } from '@warden/contracts';

/** One rule's run on the order: what each of its actions did (applied, refused, nothing to do), as the order was left. */
export function automationApplied(
  tenantId: string,
  rule: AutomationRuleView,
  trigger: AutomationTrigger,
  order: OrderView,
  actions: AutomationActionResult[],
): OutgoingEvent<AutomationAppliedV1> {
  return {
    contract: AutomationAppliedV1,
    tenantId,
    subject: order.id,
    data: {
      ruleId: rule.id,
      ownerId: rule.ownerId,
      ruleName: rule.name,
      trigger,
      orderId: order.id,
      number: order.number,
      actions,
      at: order.updatedAt,
    },
  };
}
