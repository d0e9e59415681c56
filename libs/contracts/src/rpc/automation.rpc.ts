/**
 * What starts a rule: a new order, or a person's status change of an order. Changes made without a person (by
 * the system or by a rule) start no rules, so a rule's own changes never start rules (a chain of depth 1).
 */
export const AUTOMATION_TRIGGERS = ['order.created', 'order.status-changed'] as const;
export type AutomationTrigger = (typeof AUTOMATION_TRIGGERS)[number];

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

export const AUTOMATION_ACTION_KINDS = ['set-department', 'set-responsible'] as const;
export type AutomationActionKind = (typeof AUTOMATION_ACTION_KINDS)[number];

/** `applied`: changed (or, in a dry run, would change); `unchanged`: the order already is so; `refused`: the owner may not. */
export const AUTOMATION_OUTCOMES = ['applied', 'unchanged', 'refused'] as const;
export type AutomationOutcome = (typeof AUTOMATION_OUTCOMES)[number];

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
