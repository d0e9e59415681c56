import type { AutomationRuleView, RequestContext } from '@warden/contracts';
import { AutomationErrors } from './automation.errors';
import type { AutomationRuleReferences } from './automation-rule.references';
import type { AutomationRuleRepository, RuleFields } from './automation-rule.repository';

/** The rule of the tenant, or AUTOMATION.NOT_FOUND. */
export async function existingRule(rules: AutomationRuleRepository, tenantId: string, ruleId: string): Promise<AutomationRuleView> {
  const rule = await rules.get(tenantId, ruleId);
  if (!rule) throw AutomationErrors.notFound();
  return rule;
}

/** A rule's fields as stored: a name, and every id its conditions and actions name checked in the caller's tenant. */
export async function checkedRule(
  references: AutomationRuleReferences,
  ctx: RequestContext,
  fields: RuleFields,
  ownerId: string,
): Promise<RuleFields> {
  if (!fields.name) throw AutomationErrors.nameRequired();
  return {
    ...fields,
    conditions: await references.conditions(ctx, fields.conditions),
    actions: await references.actions(ctx, fields.actions, ownerId),
  };
}
