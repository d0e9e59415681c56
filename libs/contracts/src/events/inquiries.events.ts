import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';

export const CONVERSATION_KINDS = ['internal', 'client_employee', 'client_group', 'inquiry'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const RECEPTION_MODES = ['nobody', 'own_clients', 'my_branches', 'anyone'] as const;
export type ReceptionMode = (typeof RECEPTION_MODES)[number];

/** Why a routing decision was made: a new inquiry, the queue draining, a released sticky inquiry. */
export const ROUTING_TRIGGERS = ['created', 'queue', 'released'] as const;
export type RoutingTrigger = (typeof ROUTING_TRIGGERS)[number];

export const ROUTING_OUTCOMES = ['sticky', 'assigned', 'queued'] as const;
export type RoutingOutcome = (typeof ROUTING_OUTCOMES)[number];

/**
 * `audience` on the events below: the people who may see the item when it happened (participants,
 * the assigned employee, chat administrators of the item's branch). The gateway's realtime stream
 * delivers an event to exactly these people; integrators may use it for notifications.
 */
export class InquiryRoutingSummaryV1 {
  @IsUUID() decisionId!: string;
  @IsIn(ROUTING_TRIGGERS) trigger!: RoutingTrigger;
  @IsIn(ROUTING_OUTCOMES) outcome!: RoutingOutcome;
  @IsOptional() @IsUUID() assigneeId!: string | null;
  @IsInt() @Min(0) candidatesConsidered!: number;
  @IsString() reason!: string;
}

export class InquiryCreatedV1 {
  static readonly type = 'inquiries.inquiry.created.v1';
  @IsUUID() inquiryId!: string;
  @IsUUID() contactId!: string;
  @IsOptional() @IsUUID() branchId!: string | null;
  /** The routing decision taken at creation (queued decisions are published here only). */
  @ValidateNested() @Type(() => InquiryRoutingSummaryV1) routing!: InquiryRoutingSummaryV1;
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) audience!: string[];
  @IsISO8601() at!: string;
}

/** An inquiry got an assignee by routing (at creation, from the queue, or after a sticky release). */
export class InquiryAssignedV1 {
  static readonly type = 'inquiries.inquiry.assigned.v1';
  @IsUUID() inquiryId!: string;
  @IsUUID() contactId!: string;
  @IsOptional() @IsUUID() branchId!: string | null;
  @IsUUID() assigneeId!: string;
  @IsOptional() @IsUUID() previousAssigneeId!: string | null;
  @ValidateNested() @Type(() => InquiryRoutingSummaryV1) routing!: InquiryRoutingSummaryV1;
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) audience!: string[];
  @IsISO8601() at!: string;
}

export const REQUEUE_REASONS = ['released', 'assignee-deleted'] as const;
export type RequeueReason = (typeof REQUEUE_REASONS)[number];

/**
 * An assigned inquiry went back to the queue: its assignee was released after the tenant's minutes offline and
 * nobody qualified (with that routing decision), or the assignee was deleted. The former assignee is in the
 * audience, so its screen can drop the inquiry.
 */
export class InquiryRequeuedV1 {
  static readonly type = 'inquiries.inquiry.requeued.v1';
  @IsUUID() inquiryId!: string;
  @IsUUID() contactId!: string;
  @IsOptional() @IsUUID() branchId!: string | null;
  @IsUUID() previousAssigneeId!: string;
  @IsIn(REQUEUE_REASONS) reason!: RequeueReason;
  @IsOptional() @ValidateNested() @Type(() => InquiryRoutingSummaryV1) routing!: InquiryRoutingSummaryV1 | null;
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) audience!: string[];
  @IsISO8601() at!: string;
}

/** A person (chat administrator or the assignee) moved the inquiry to another employee. */
export class InquiryReassignedV1 {
  static readonly type = 'inquiries.inquiry.reassigned.v1';
  @IsUUID() inquiryId!: string;
  @IsUUID() contactId!: string;
  @IsOptional() @IsUUID() branchId!: string | null;
  @IsOptional() @IsUUID() fromAssigneeId!: string | null;
  @IsUUID() toAssigneeId!: string;
  @IsUUID() byPersonId!: string;
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) audience!: string[];
  @IsISO8601() at!: string;
}

export class InquiryClosedV1 {
  static readonly type = 'inquiries.inquiry.closed.v1';
  @IsUUID() inquiryId!: string;
  @IsUUID() contactId!: string;
  @IsOptional() @IsUUID() assigneeId!: string | null;
  @IsUUID() closedBy!: string;
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) audience!: string[];
  @IsISO8601() at!: string;
}

export class MessagePostedV1 {
  static readonly type = 'inquiries.message.posted.v1';
  @IsUUID() messageId!: string;
  @IsUUID() conversationId!: string;
  @IsIn(CONVERSATION_KINDS) conversationKind!: ConversationKind;
  /** An employee's person id, or a contact id for a client's message. */
  @IsUUID() authorId!: string;
  @IsIn(['employee', 'contact']) authorKind!: 'employee' | 'contact';
  @IsString() text!: string;
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) audience!: string[];
  @IsISO8601() at!: string;
}
