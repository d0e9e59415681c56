import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUTOMATION_ACTION_KINDS,
  AUTOMATION_CONDITION_KINDS,
  AUTOMATION_CONTACT_FIELDS,
  AUTOMATION_CONTACT_OPERATORS,
  AUTOMATION_OUTCOMES,
  AUTOMATION_TRIGGERS,
} from '@warden/contracts';
import type {
  AutomationContactCondition,
  AutomationContactField,
  AutomationContactOperator,
  AutomationActionKind,
  AutomationActionResult,
  AutomationConditionResult,
  AutomationDryRun,
  AutomationOutcome,
  AutomationRuleView,
  AutomationTrigger,
} from '@warden/contracts';

export class AutomationContactConditionResponseDto implements AutomationContactCondition {
  @ApiProperty({ enum: AUTOMATION_CONTACT_FIELDS }) field!: AutomationContactField;
  @ApiProperty({ enum: AUTOMATION_CONTACT_OPERATORS }) operator!: AutomationContactOperator;
  @ApiPropertyOptional({ description: 'Absent with present and absent' }) value?: string;
}

export class AutomationConditionsResponseDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) clientCompanyIds?: string[];
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) departmentIds?: string[];
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) statusIds?: string[];
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) channelIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Normalised: lower-case, sorted, without repeats' }) tags?: string[];
  @ApiPropertyOptional({ type: [AutomationContactConditionResponseDto] }) contactFields?: AutomationContactConditionResponseDto[];
}

export class AutomationActionsResponseDto {
  @ApiPropertyOptional({ format: 'uuid' }) departmentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) statusId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) responsibleId?: string;
  @ApiPropertyOptional({ description: 'Normalised: lower-case' }) tag?: string;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional({ format: 'uuid' }) notifyPersonId?: string;
}

export class AutomationResponseDto implements AutomationRuleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AUTOMATION_TRIGGERS }) trigger!: AutomationTrigger;
  @ApiProperty({ type: AutomationConditionsResponseDto }) conditions!: AutomationConditionsResponseDto;
  @ApiProperty({ type: AutomationActionsResponseDto }) actions!: AutomationActionsResponseDto;
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'uuid', description: 'Who created the rule: it changes orders only as far as this person may when it runs' })
  ownerId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class AutomationConditionResultResponseDto implements AutomationConditionResult {
  @ApiProperty({
    enum: AUTOMATION_CONDITION_KINDS,
    description:
      "One per list the rule states (tags: the order has at least one of them), then one per contact test in the rule's order (contactFields)",
  })
  condition!: AutomationConditionResult['condition'];
  @ApiProperty() holds!: boolean;
  @ApiProperty() detail!: string;
}

export class AutomationActionResultResponseDto implements AutomationActionResult {
  @ApiProperty({ enum: AUTOMATION_ACTION_KINDS }) action!: AutomationActionKind;
  @ApiProperty({
    enum: AUTOMATION_OUTCOMES,
    description: 'applied: would change the order; unchanged: it already is so; refused: the owner may not',
  })
  outcome!: AutomationOutcome;
  @ApiProperty({ example: 'ALLOWED.TRANSFER', description: "The permissions service's code for the owner, or AUTOMATION.UNCHANGED" })
  code!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({
    description:
      'The value the action sets (a department, status or employee id), the tag or the text of the note it adds, or the employee it notifies',
  })
  value!: string;
}

export class AutomationDryRunResponseDto implements AutomationDryRun {
  @ApiProperty({ format: 'uuid' }) ruleId!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ description: 'An inactive rule is evaluated all the same' }) active!: boolean;
  @ApiProperty({ description: 'Whether every condition holds' }) matched!: boolean;
  @ApiProperty({ type: [AutomationConditionResultResponseDto] }) conditions!: AutomationConditionResultResponseDto[];
  @ApiProperty({ type: [AutomationActionResultResponseDto], description: 'Empty when the conditions do not hold' })
  actions!: AutomationActionResultResponseDto[];
}
