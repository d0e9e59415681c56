import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';

/**
 * What starts a rule: a new order, a person's status change of an order, or a person's transfer of an order to
 * another department. Changes made without a person (by the system or by a rule) start no rules, so a rule's own
 * changes never start rules (a chain of depth 1).
 */
export const AUTOMATION_TRIGGERS = ['order.created', 'order.status-changed', 'order.transferred', 'order.inbound-message'] as const;
export type AutomationTrigger = (typeof AUTOMATION_TRIGGERS)[number];

export const AUTOMATION_ACTION_KINDS = ['set-department', 'set-status', 'set-responsible', 'add-tag', 'add-note', 'notify'] as const;
export type AutomationActionKind = (typeof AUTOMATION_ACTION_KINDS)[number];

/** `applied`: changed (or, in a dry run, would change); `unchanged`: the order already is so; `refused`: the owner may not. */
export const AUTOMATION_OUTCOMES = ['applied', 'unchanged', 'refused'] as const;
export type AutomationOutcome = (typeof AUTOMATION_OUTCOMES)[number];

export class AutomationActionResultV1 {
  @IsIn(AUTOMATION_ACTION_KINDS) action!: AutomationActionKind;
  @IsIn(AUTOMATION_OUTCOMES) outcome!: AutomationOutcome;
  @IsString() code!: string;
  @IsString() reason!: string;
  /** The id the action sets, the tag or the text of the note it adds, or the employee a `notify` asks to be emailed. */
  @IsString() value!: string;
}

/**
 * An automation rule's conditions held for an order and it ran: what each action did (`applied`, `unchanged`,
 * or `refused` because the rule's owner may not, with the permissions service's code). The applied changes are
 * also published as their usual events (e.g. `workflow.order.transferred.v1`, with `actorId` null). A `notify` action
 * `applied` here is the request to email that employee: the integrations service sends it (one email per run).
 */
export class AutomationAppliedV1 {
  static readonly type = 'workflow.automation.applied.v1';
  @IsUUID() ruleId!: string;
  @IsUUID() ownerId!: string;
  /** Added compatibly: absent in events published before rules could notify (the email names the rule). */
  @IsOptional() @IsString() ruleName?: string;
  @IsIn(AUTOMATION_TRIGGERS) trigger!: AutomationTrigger;
  @IsUUID() orderId!: string;
  @IsInt() @Min(1) number!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => AutomationActionResultV1) actions!: AutomationActionResultV1[];
  @IsISO8601() at!: string;
}
