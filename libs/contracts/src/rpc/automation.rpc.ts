import { PartialType } from '@nestjs/mapped-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AUTOMATION_TRIGGERS } from '../events/automation.events';
import { AUTOMATION_CONTACT_FIELDS, AUTOMATION_CONTACT_OPERATORS } from './automation-contact-condition';
import type { AutomationContactField, AutomationContactOperator } from './automation-contact-condition';
import type { AutomationActionKind, AutomationOutcome, AutomationTrigger } from '../events/automation.events';
import { NoData } from './rpc-request.contract';
import type { RpcRequestContracts } from './rpc-request.contract';
import { IsId, Trim } from './request-fields';
import { ORDER_TAGS_INPUT_MAX } from './order-tags';

/** How many contact tests a rule may state, and how long the text each compares with may be. */
export const AUTOMATION_CONTACT_CONDITIONS_MAX = 20;
export const AUTOMATION_CONTACT_VALUE_MAX = 200;

/** How long a rule's note may be: a note a rule adds on every matching order is a short remark, not a letter. */
export const AUTOMATION_NOTE_MAX = 2000;

/**
 * A test of one field of the order's client contact (libs/contracts/src/rpc/automation-contact-condition.ts says which
 * fields and operators, services/workflow/src/automations/automation-contact-condition.policy.ts how they compare).
 */
export class AutomationContactCondition {
  @IsIn(AUTOMATION_CONTACT_FIELDS) field!: AutomationContactField;
  @IsIn(AUTOMATION_CONTACT_OPERATORS) operator!: AutomationContactOperator;
  /** Required by `equals`, `not-equals` and `contains`, refused with `present` and `absent` (checked by the service). */
  @ValidateIf((_, value) => value !== undefined) @Trim() @IsString() @MaxLength(AUTOMATION_CONTACT_VALUE_MAX) value?: string;
}

/** Every list given must contain the order's value; an absent list holds for every order. */
export class AutomationConditions {
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsId({ each: true }) clientCompanyIds?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsId({ each: true }) departmentIds?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsId({ each: true }) statusIds?: string[];
  /** The channel the order came in through (an order not opened from an inbound message matches no list). */
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsId({ each: true }) channelIds?: string[];
  /**
   * Holds when the order has at least one of these tags; checked and normalised by the service when the rule is saved
   * (services/workflow/src/orders/order-tags.policy.ts), so a refusal names the tag (`conditions.tags.1`).
   */
  @IsOptional() @IsArray() @ArrayMaxSize(ORDER_TAGS_INPUT_MAX) @IsString({ each: true }) tags?: string[];
  /** Tests of the order's client contact, all of which must hold (an order without a client contact passes none). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AUTOMATION_CONTACT_CONDITIONS_MAX)
  @ValidateNested({ each: true })
  @Type(() => AutomationContactCondition)
  contactFields?: AutomationContactCondition[];
}

/**
 * What a matching rule does, each change checked against its owner's rights when it runs. An action is named or
 * left out; null is refused (IsOptional would let it through to the directory and identity lookups).
 */
export class AutomationActions {
  /** Transfer the order to this department (`orders.transfer` for the owner). */
  @ValidateIf((_, value) => value !== undefined) @IsId() departmentId?: string;
  /** Put the order into this status of its workflow (`orders.update` to that status for the owner, as by hand). */
  @ValidateIf((_, value) => value !== undefined) @IsId() statusId?: string;
  /** Make this employee responsible (`orders.update` for the owner). */
  @ValidateIf((_, value) => value !== undefined) @IsId() responsibleId?: string;
  /** Add this tag to the order (`orders.update` for the owner, as a person changing the tags); checked as the order's tags are. */
  @ValidateIf((_, value) => value !== undefined) @IsString() tag?: string;
  /**
   * Add this internal note, written by the system on the rule's behalf (the owner must see the order, as a person
   * commenting must, and be an employee). Blank is refused by the service (AUTOMATION.NOTE_REQUIRED).
   */
  @ValidateIf((_, value) => value !== undefined) @Trim() @IsString() @MaxLength(AUTOMATION_NOTE_MAX) note?: string;
  /**
   * Email this employee about the order, naming the rule (the owner must see the order, `orders.read`); the intent
   * is recorded in the order's history and sent by the integrations service from `workflow.automation.applied.v1`.
   */
  @ValidateIf((_, value) => value !== undefined) @IsId() notifyPersonId?: string;
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

export class CreateAutomationData {
  /** Blank is refused by the service (AUTOMATION.NAME_REQUIRED). */
  @Trim() @IsString() @MaxLength(200) name!: string;
  @IsIn(AUTOMATION_TRIGGERS) trigger!: AutomationTrigger;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => AutomationConditions) conditions?: AutomationConditions;
  @IsObject() @ValidateNested() @Type(() => AutomationActions) actions!: AutomationActions;
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000) position?: number;
  @IsOptional() @IsBoolean() active?: boolean;
}

export class AutomationChanges extends PartialType(CreateAutomationData) {}

export class AutomationRuleRef {
  @IsId() ruleId!: string;
}

export class UpdateAutomationData {
  @IsId() ruleId!: string;
  @IsObject() @ValidateNested() @Type(() => AutomationChanges) changes!: AutomationChanges;
}

/** What the rule would do to this order now. */
export class AutomationDryRunQuery {
  @IsId() ruleId!: string;
  @IsId() orderId!: string;
}

export const AUTOMATION_CONDITION_KINDS = [
  'clientCompanyIds',
  'departmentIds',
  'statusIds',
  'channelIds',
  'tags',
  'contactFields',
] as const;

/** One per list the rule states, then one per contact test (in the rule's order). */
export interface AutomationConditionResult {
  condition: (typeof AUTOMATION_CONDITION_KINDS)[number];
  holds: boolean;
  detail: string;
}

export interface AutomationActionResult {
  action: AutomationActionKind;
  outcome: AutomationOutcome;
  /** The permissions service's code (`ALLOWED.*`, `RIGHT.NOT_GRANTED`, …), or `AUTOMATION.UNCHANGED`. */
  code: string;
  reason: string;
  /** The value the action sets (an id), the tag or the text of the note it adds, or the employee it notifies. */
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
  'workflow.automations.list': { request: NoData; response: AutomationRuleView[] };
  'workflow.automations.get': { request: AutomationRuleRef; response: AutomationRuleView };
  'workflow.automations.create': { request: CreateAutomationData; response: AutomationRuleView };
  'workflow.automations.update': { request: UpdateAutomationData; response: AutomationRuleView };
  'workflow.automations.delete': { request: AutomationRuleRef; response: { deleted: true } };
  'workflow.automations.dry-run': { request: AutomationDryRunQuery; response: AutomationDryRun };
}

export const AUTOMATION_RPC_REQUESTS: RpcRequestContracts<AutomationRpc> = {
  'workflow.automations.list': NoData,
  'workflow.automations.get': AutomationRuleRef,
  'workflow.automations.create': CreateAutomationData,
  'workflow.automations.update': UpdateAutomationData,
  'workflow.automations.delete': AutomationRuleRef,
  'workflow.automations.dry-run': AutomationDryRunQuery,
};
