import type { AutomationActionKind, AutomationOutcome, AutomationTrigger } from '../events/automation.events';

/** Every list given must contain the order's value; an absent list holds for every order. */
export interface AutomationConditions {
  clientCompanyIds?: string[];
  departmentIds?: string[];
  statusIds?: string[];
}

/** What a matching rule does, each change checked against its owner's rights when it runs. */
export interface AutomationActions {
  /** Transfer the order to this department (`orders.transfer` for the owner). */
  departmentId?: string;
  /** Make this employee responsible (`orders.update` for the owner). */
  responsibleId?: string;
}

export interface AutomationRuleView {
  id: string;
  name: string;
  trigger: AutomationTrigger;
  conditions: AutomationConditions;
  actions: AutomationActions;
  /** Rules run in ascending position (then creation). */
  position: number;
  active: boolean;
  /** Who created the rule: its changes are allowed only as far as this person's are. */
  ownerId: string;
  createdAt: string;
  updatedAt: string;
}

export interface CreateAutomationData {
  name: string;
  trigger: AutomationTrigger;
  conditions?: AutomationConditions;
  actions: AutomationActions;
  position?: number;
  active?: boolean;
}

export type AutomationChanges = Partial<CreateAutomationData>;


export interface AutomationConditionResult {
  condition: 'clientCompanyIds' | 'departmentIds' | 'statusIds';
  holds: boolean;
  detail: string;
}

export interface AutomationActionResult {
  action: AutomationActionKind;
  outcome: AutomationOutcome;
  /** The permissions service's code (`ALLOWED.*`, `RIGHT.NOT_GRANTED`, …), or `AUTOMATION.UNCHANGED`. */
  code: string;
  reason: string;
  /** The value the action sets. */
  value: string;
}

export interface AutomationDryRun {
  ruleId: string;
  orderId: string;
  active: boolean;
  matched: boolean;
  conditions: AutomationConditionResult[];
  /** Empty when the conditions do not hold. */
  actions: AutomationActionResult[];
}

export interface AutomationRpc {
  'workflow.automations.list': { request: Record<string, never>; response: AutomationRuleView[] };
  'workflow.automations.get': { request: { ruleId: string }; response: AutomationRuleView };
  'workflow.automations.create': { request: CreateAutomationData; response: AutomationRuleView };
  'workflow.automations.update': { request: { ruleId: string; changes: AutomationChanges }; response: AutomationRuleView };
  'workflow.automations.delete': { request: { ruleId: string }; response: { deleted: true } };
  'workflow.automations.dry-run': { request: { ruleId: string; orderId: string }; response: AutomationDryRun };
}
