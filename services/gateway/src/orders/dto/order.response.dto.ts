import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORDER_HISTORY_KINDS, STATUS_CATEGORIES } from '@warden/contracts';
import type {
  OrderHistoryEntry,
  OrderHistoryKind,
  OrderStatusRef,
  OrderTagsChange,
  OrderView,
  RecordedDecision,
  StatusCategory,
} from '@warden/contracts';

export class OrderStatusResponseDto implements OrderStatusRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'In repair' }) name!: string;
  @ApiProperty({ enum: STATUS_CATEGORIES }) category!: StatusCategory;
  @ApiProperty({ example: '#3f51b5' }) color!: string;
}

export class OrderResponseDto implements OrderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', example: 42, description: 'Sequential per tenant' }) number!: number;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: String }) clientRef!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) responsibleId!: string | null;
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty({ type: OrderStatusResponseDto }) status!: OrderStatusResponseDto;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'null: no department; visible to everyone who sees the status',
  })
  departmentId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) clientContactId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: "The client contact's company when the contact was set" })
  clientCompanyId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) equipmentId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The inbound message a ticket was opened from' })
  inboundMessageId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The channel that inbound message came in through' })
  channelId!: string | null;
  @ApiProperty({ type: [String], example: ['billing:refund', 'vip'], description: 'Lower-case tags, sorted, without repeats' })
  tags!: string[];
  @ApiProperty({ type: 'integer', example: 3, description: 'Also sent as the ETag; send it back as If-Match or `version`' })
  version!: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Set while the order is in a final status' }) closedAt!:
    | string
    | null;
}

export class OrderPageResponseDto {
  @ApiProperty({ type: [OrderResponseDto] }) items!: OrderResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ type: 'integer', description: 'Orders matching the filter that you can see' }) total!: number;
}

export class StatusRefResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class RecordedDecisionResponseDto implements RecordedDecision {
  @ApiProperty({ example: 'ALLOWED.STATUS_SET' }) code!: string;
  @ApiProperty({ type: 'integer', example: 7, description: 'The tenant policy version the decision was made under' })
  policyVersion!: number;
}

export class DepartmentChangeResponseDto {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) from!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) to!: string | null;
}

export class TagsChangeResponseDto implements OrderTagsChange {
  @ApiProperty({ type: [String], example: ['vip'] }) added!: string[];
  @ApiProperty({ type: [String], example: [] }) removed!: string[];
}

export class HistoryAutomationResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The automation rule that made the entry' }) ruleId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why the rule did nothing (entries of kind `automation`)' }) note!:
    | string
    | null;
}

export class OrderHistoryEntryResponseDto implements OrderHistoryEntry {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: ORDER_HISTORY_KINDS,
    description:
      'transfer: moved to another department; responsible: the responsible employee changed; tags: tags were added or removed (the status stays in these three); automation: a rule matched and did nothing (see `automation.note`)',
  })
  kind!: OrderHistoryKind;
  @ApiProperty({ type: StatusRefResponseDto, nullable: true, description: 'null for the creation entry' })
  from!: StatusRefResponseDto | null;
  @ApiProperty({ type: StatusRefResponseDto }) to!: StatusRefResponseDto;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) actorId!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: RecordedDecisionResponseDto, nullable: true }) decision!: RecordedDecisionResponseDto | null;
  @ApiProperty({ type: DepartmentChangeResponseDto, nullable: true, description: 'For transfers' })
  department!: DepartmentChangeResponseDto | null;
  @ApiProperty({
    type: DepartmentChangeResponseDto,
    nullable: true,
    description: 'For `responsible` entries: the employee before and after',
  })
  responsible!: DepartmentChangeResponseDto | null;
  @ApiProperty({ type: TagsChangeResponseDto, nullable: true, description: 'For `tags` entries: the tags added and removed' })
  tags!: TagsChangeResponseDto | null;
  @ApiProperty({
    type: HistoryAutomationResponseDto,
    nullable: true,
    description: 'Set when an automation rule made the entry (then `actorId` is null)',
  })
  automation!: HistoryAutomationResponseDto | null;
}

export class TransferOrderResponseDto {
  @ApiProperty({ type: OrderResponseDto, nullable: true, description: 'The order after the transfer, or null when you no longer see it' })
  order!: OrderResponseDto | null;
  @ApiProperty({ description: 'Whether you still see the order in its new department' }) visibleToYou!: boolean;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty({ example: 'Transferred to Accounting; you no longer see this order' }) message!: string;
}

export class OrderTransitionResponseDto {
  @ApiProperty({ format: 'uuid' }) statusId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STATUS_CATEGORIES }) category!: StatusCategory;
  @ApiProperty() color!: string;
  @ApiProperty({ description: 'The order is in this status now' }) current!: boolean;
  @ApiProperty() allowed!: boolean;
  @ApiProperty({
    example: 'STATUS.NO_SET_ON_TARGET',
    description: 'The rule that decided: ALLOWED.*, STATUS.NO_SET_ON_TARGET, ORDER.CLOSED_LOCKED, …',
  })
  code!: string;
  @ApiProperty({ example: "No right to set status 'Closed'" }) reason!: string;
  @ApiPropertyOptional({ type: 'integer', example: 7 }) policyVersion?: number;
}

export class OrderTransitionsResponseDto {
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ type: OrderStatusResponseDto }) status!: OrderStatusResponseDto;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ type: [OrderTransitionResponseDto], description: 'Every status of the workflow, in order' })
  transitions!: OrderTransitionResponseDto[];
}
