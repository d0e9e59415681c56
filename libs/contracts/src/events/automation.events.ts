import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { AUTOMATION_ACTION_KINDS, AUTOMATION_OUTCOMES, AUTOMATION_TRIGGERS } from '../rpc/automation.rpc';
import type { AutomationActionKind, AutomationOutcome, AutomationTrigger } from '../rpc/automation.rpc';

export class AutomationActionResultV1 {
  @IsIn(AUTOMATION_ACTION_KINDS) action!: AutomationActionKind;
  @IsIn(AUTOMATION_OUTCOMES) outcome!: AutomationOutcome;
  @IsString() code!: string;
  @IsString() reason!: string;
  @IsString() value!: string;
}

/**
 * An automation rule's conditions held for an order and it ran: what each action did (`applied`, `unchanged`,
 * or `refused` because the rule's owner may not, with the permissions service's code). The applied changes are
 * also published as their usual events (e.g. `workflow.order.transferred.v1`, with `actorId` null).
 */
export class AutomationAppliedV1 {
  static readonly type = 'workflow.automation.applied.v1';
  @IsUUID() ruleId!: string;
  @IsUUID() ownerId!: string;
  @IsIn(AUTOMATION_TRIGGERS) trigger!: AutomationTrigger;
  @IsUUID() orderId!: string;
  @IsInt() @Min(1) number!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => AutomationActionResultV1) actions!: AutomationActionResultV1[];
  @IsISO8601() at!: string;
}
