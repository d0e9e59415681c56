import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
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
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  AUTOMATION_CONTACT_CONDITIONS_MAX,
  AUTOMATION_CONTACT_FIELDS,
  AUTOMATION_CONTACT_OPERATORS,
  AUTOMATION_CONTACT_VALUE_MAX,
  AUTOMATION_NOTE_MAX,
  AUTOMATION_TRIGGERS,
  ORDER_TAG_MAX_LENGTH,
  ORDER_TAGS_INPUT_MAX,
  Trim,
} from '@warden/contracts';
import type {
  AutomationActions,
  AutomationConditions,
  AutomationContactCondition,
  AutomationContactField,
  AutomationContactOperator,
  AutomationTrigger,
} from '@warden/contracts';

export class AutomationContactConditionRequestDto implements AutomationContactCondition {
  @ApiProperty({
    enum: AUTOMATION_CONTACT_FIELDS,
    description:
      "The client contact's field to test. Text fields (email, phone, names) compare without regard to case, and a generated placeholder email counts as none; branchId and responsibleEmployeeId take an id of this tenant; status one of active, inactive, blocked",
  })
  @IsIn(AUTOMATION_CONTACT_FIELDS)
  field!: AutomationContactField;
  @ApiProperty({
    enum: AUTOMATION_CONTACT_OPERATORS,
    description: 'contains: text fields only; present and absent take no value, the others one',
  })
  @IsIn(AUTOMATION_CONTACT_OPERATORS)
  operator!: AutomationContactOperator;
  @ApiPropertyOptional({ minLength: 1, maxLength: AUTOMATION_CONTACT_VALUE_MAX, example: '@acme.example' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(AUTOMATION_CONTACT_VALUE_MAX)
  value?: string;
}

export class AutomationConditionsRequestDto implements AutomationConditions {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 100, description: "The order's client company is one of these" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  clientCompanyIds?: string[];
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 100, description: "The order's department is one of these" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  departmentIds?: string[];
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 100,
    description: "The order's status is one of these (statuses of order workflows)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  statusIds?: string[];
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 100,
    description: 'The channel the order came in through is one of these (an order not opened from an inbound message matches none)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  channelIds?: string[];
  @ApiPropertyOptional({
    type: [String],
    maxItems: ORDER_TAGS_INPUT_MAX,
    example: ['vip', 'urgent'],
    description: `The order has at least one of these tags (each trimmed and lower-cased, then 1–${ORDER_TAG_MAX_LENGTH} letters, digits, '-', '_' or ':'; else 422 ORDER.TAG_INVALID naming conditions.tags.N)`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ORDER_TAGS_INPUT_MAX)
  @IsString({ each: true })
  tags?: string[];
  @ApiPropertyOptional({
    type: [AutomationContactConditionRequestDto],
    maxItems: AUTOMATION_CONTACT_CONDITIONS_MAX,
    description:
      "Tests of the order's client contact, as the directory has it when the rule runs; an order without a client contact passes none",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AUTOMATION_CONTACT_CONDITIONS_MAX)
  @ValidateNested({ each: true })
  @Type(() => AutomationContactConditionRequestDto)
  contactFields?: AutomationContactConditionRequestDto[];
}

export class AutomationActionsRequestDto implements AutomationActions {
  @ApiPropertyOptional({ format: 'uuid', description: "Transfer the order to this department (the owner's `orders.transfer` decides)" })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Put the order into this status (of an order workflow, not archived; the owner's `orders.update` to that status decides, as for a manual change). An order of another workflow is left as it is, with the reason",
  })
  @IsOptional()
  @IsUUID()
  statusId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: "Make this employee responsible (the owner's `orders.update` decides)" })
  @IsOptional()
  @IsUUID()
  responsibleId?: string;
  @ApiPropertyOptional({
    example: 'key-account',
    description: `Add this tag to the order (the owner's \`orders.update\` decides, as for a person changing the tags; one the order has is unchanged). Trimmed and lower-cased, then 1–${ORDER_TAG_MAX_LENGTH} letters, digits, '-', '_' or ':' (else 422 ORDER.TAG_INVALID)`,
  })
  @IsOptional()
  @IsString()
  tag?: string;
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: AUTOMATION_NOTE_MAX,
    example: 'Key account: answer within the hour.',
    description:
      "Add this internal note (trimmed), written by the system on the rule's behalf: the owner must see the order (`orders.read`, as anyone commenting) and be an employee",
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(AUTOMATION_NOTE_MAX)
  note?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Email this employee about the order, naming the rule (template kind `automation-notify`): the owner must see the order (`orders.read`); the order's history records it",
  })
  @IsOptional()
  @IsUUID()
  notifyPersonId?: string;
}

export class CreateAutomationRequestDto {
  @ApiProperty({ maxLength: 200, example: 'Acme tickets to Key accounts' }) @Trim() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({
    enum: AUTOMATION_TRIGGERS,
    description:
      "order.created: every new order (created by a person or opened from an inbound message); order.status-changed: a person changed an order's status (conditions see the new status); order.transferred: a person moved an order to another department (conditions see the new department); order.inbound-message: a client's message arrived through a channel on an open ticket (a message that opens a ticket is order.created). A rule's own changes start no rules",
  })
  @IsIn(AUTOMATION_TRIGGERS)
  trigger!: AutomationTrigger;
  @ApiPropertyOptional({ type: AutomationConditionsRequestDto, description: 'All must hold; none: every order' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AutomationConditionsRequestDto)
  conditions?: AutomationConditionsRequestDto;
  @ApiProperty({ type: AutomationActionsRequestDto, description: 'At least one' })
  @IsObject()
  @ValidateNested()
  @Type(() => AutomationActionsRequestDto)
  actions!: AutomationActionsRequestDto;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 1_000_000,
    description: 'Rules run in ascending position; default: after the last',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateAutomationRequestDto extends PartialType(CreateAutomationRequestDto) {}

export class AutomationDryRunRequestDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() orderId!: string;
}
