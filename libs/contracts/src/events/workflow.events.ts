import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PERSON_KINDS } from './identity.events';
import type { PersonKind } from './identity.events';

export const STATUS_CATEGORIES = ['initial', 'active', 'final'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/** An internal note is for employees who see the order; a public reply also for its client (and client managers). */
export const COMMENT_VISIBILITIES = ['internal', 'public'] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

export const WORKFLOW_KINDS = ['order', 'task'] as const;
export type WorkflowKind = (typeof WORKFLOW_KINDS)[number];

/** One status as it stands after a workflow change. */
export class WorkflowStatusSnapshotV1 {
  @IsUUID() statusId!: string;
  @IsString() name!: string;
  @IsIn(STATUS_CATEGORIES) category!: StatusCategory;
  @IsInt() @Min(0) position!: number;
  @IsBoolean() archived!: boolean;
}

/**
 * A full snapshot of a workflow and every status it has ever had (archived ones included), so a
 * consumer keeps a read model by replacing what it holds; deleted statuses are simply absent.
 */
export class WorkflowChangedV1 {
  static readonly type = 'workflow.workflow.changed.v1';
  @IsUUID() workflowId!: string;
  @IsString() name!: string;
  @IsIn(WORKFLOW_KINDS) kind!: WorkflowKind;
  @IsArray() @ValidateNested({ each: true }) @Type(() => WorkflowStatusSnapshotV1) statuses!: WorkflowStatusSnapshotV1[];
}

export class OrderStatusRefV1 {
  @IsUUID() id!: string;
  @IsString() name!: string;
}

export class OrderCreatedV1 {
  static readonly type = 'workflow.order.created.v1';
  @IsUUID() orderId!: string;
  @IsInt() @Min(1) number!: number;
  @IsString() title!: string;
  @IsUUID() workflowId!: string;
  @ValidateNested() @Type(() => OrderStatusRefV1) status!: OrderStatusRefV1;
  @IsOptional() @IsUUID() responsibleId!: string | null;
  @IsOptional() @IsUUID() createdBy!: string | null;
  /** Added compatibly: absent in events published before orders had departments and clients. */
  @IsOptional() @IsUUID() departmentId?: string | null;
  @IsOptional() @IsUUID() clientContactId?: string | null;
  @IsOptional() @IsUUID() clientCompanyId?: string | null;
  @IsOptional() @IsUUID() equipmentId?: string | null;
  /** Set when the order was opened from an inbound message (a ticket). */
  @IsOptional() @IsUUID() inboundMessageId?: string | null;
  /** The tags it was created with, sorted. Added compatibly: absent in events published before orders had tags. */
  @IsOptional() @IsArray() @IsString({ each: true }) tags?: string[];
  @IsISO8601() at!: string;
}

/** The event an integrator subscribes to: every status change of an order, with the decision's policy version. */
export class OrderStatusChangedV1 {
  static readonly type = 'workflow.order.status-changed.v1';
  @IsUUID() orderId!: string;
  @IsInt() @Min(1) number!: number;
  @ValidateNested() @Type(() => OrderStatusRefV1) from!: OrderStatusRefV1;
  @ValidateNested() @Type(() => OrderStatusRefV1) to!: OrderStatusRefV1;
  @IsOptional() @IsUUID() actorId!: string | null;
  /** The tenant's policy version the permissions service decided under. */
  @IsInt() @Min(0) policyVersion!: number;
  @IsISO8601() at!: string;
}

/** An order moved to another department (its status stays); who did it under which policy version. */
export class OrderTransferredV1 {
  static readonly type = 'workflow.order.transferred.v1';
  @IsUUID() orderId!: string;
  @IsInt() @Min(1) number!: number;
  @IsOptional() @IsUUID() fromDepartmentId!: string | null;
  @IsUUID() toDepartmentId!: string;
  @IsOptional() @IsUUID() actorId!: string | null;
  @IsInt() @Min(0) policyVersion!: number;
  @IsISO8601() at!: string;
}

/**
 * An order's tags changed: by a person (`PATCH /api/v1/orders/{id}` with its whole new set) or by an automation rule
 * adding one (then `automationRuleId` is set and `actorId` is null). `tags` is the whole set after the change.
 */
export class OrderTagsChangedV1 {
  static readonly type = 'workflow.order.tags-changed.v1';
  @IsUUID() orderId!: string;
  @IsInt() @Min(1) number!: number;
  @IsArray() @IsString({ each: true }) tags!: string[];
  @IsArray() @IsString({ each: true }) added!: string[];
  @IsArray() @IsString({ each: true }) removed!: string[];
  @IsOptional() @IsUUID() actorId!: string | null;
  @IsOptional() @IsUUID() automationRuleId!: string | null;
  @IsISO8601() at!: string;
}

/**
 * A comment was added to an order: by a person through the API, by the client's inbound
 * message answering the ticket (then `inboundMessageId` is set and the author is the contact), or
 * as an internal note by an automation rule (then `automationRuleId` is set and `authorId` is null).
 */
export class OrderCommentAddedV1 {
  static readonly type = 'workflow.order.comment-added.v1';
  @IsUUID() commentId!: string;
  @IsUUID() orderId!: string;
  @IsInt() @Min(1) number!: number;
  @IsIn(COMMENT_VISIBILITIES) visibility!: CommentVisibility;
  @IsOptional() @IsUUID() authorId!: string | null;
  @IsIn(PERSON_KINDS) authorKind!: PersonKind;
  /** Inbound messages keep their whole text, so the bound is the inbound one, not the API's. */
  @IsString() @MinLength(1) @MaxLength(100_000) body!: string;
  @IsOptional() @IsUUID() inboundMessageId!: string | null;
  /** Absent in events published before rules wrote notes. */
  @IsOptional() @IsUUID() automationRuleId?: string | null;
  @IsISO8601() at!: string;
}
