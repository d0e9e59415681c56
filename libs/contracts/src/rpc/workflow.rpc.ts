import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { Page } from '@warden/kernel';
import { COMMENT_VISIBILITIES, STATUS_CATEGORIES, WORKFLOW_KINDS } from '../events/workflow.events';
import type { CommentVisibility, StatusCategory, WorkflowKind } from '../events/workflow.events';
import { PERSON_KINDS } from '../events/identity.events';
import type { PersonKind } from '../events/identity.events';
import { NoData } from './rpc-request.contract';
import type { RpcRequestContracts } from './rpc-request.contract';
import { AddTransitionData, ChangeTransitionData, TransitionInput, TransitionRef } from './transition.rpc';
import type { TransitionView } from './transition.rpc';
import { IsId, Trim } from './request-fields';
import { ORDER_TAGS_INPUT_MAX } from './order-tags';

export interface StatusView {
  id: string;
  workflowId: string;
  name: string;
  /** CSS colour, `#rrggbb`. */
  color: string;
  position: number;
  category: StatusCategory;
  archived: boolean;
}

export interface WorkflowView {
  id: string;
  name: string;
  kind: WorkflowKind;
  /** A free workflow allows any status to any status; access levels govern who may set what. */
  free: boolean;
  statuses: StatusView[];
  /** Explicit transitions with their grants (task workflows); empty for free workflows. */
  transitions: TransitionView[];
  createdAt: string;
  updatedAt: string;
}

/** A status in a create or update request. With `id` it changes that status; without, it adds one. */
export class StatusInput {
  @IsOptional() @IsId() id?: string;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  /** CSS colour, `#rrggbb`. */
  @IsOptional() @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour like #3f51b5' }) color?: string;
  @IsIn(STATUS_CATEGORIES) category!: StatusCategory;
  @IsOptional() @IsBoolean() archived?: boolean;
}

export class CreateWorkflowData {
  @Trim() @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @IsIn(WORKFLOW_KINDS) kind!: WorkflowKind;
  /** In display order. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => StatusInput) statuses!: StatusInput[];
  /** Task workflows only. */
  @IsOptional() @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => TransitionInput) transitions?: TransitionInput[];
}

/**
 * `statuses`, when given, is the whole ordered list: positions follow the array, statuses without
 * an id are added, and a status missing from the list is deleted (refused while orders use it).
 */
export class UpdateWorkflowData {
  @IsId() workflowId!: string;
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(100) name?: string;
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => StatusInput)
  statuses?: StatusInput[];
  /** Task workflows only; when given, the whole list (transitions left out are removed). */
  @IsOptional() @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => TransitionInput) transitions?: TransitionInput[];
}

export class ListWorkflowsData {
  @IsOptional() @IsIn(WORKFLOW_KINDS) kind?: WorkflowKind;
}

export class WorkflowRef {
  @IsId() workflowId!: string;
}

export interface OrderStatusRef {
  id: string;
  name: string;
  category: StatusCategory;
  color: string;
}

export interface OrderView {
  id: string;
  number: number;
  title: string;
  description: string;
  clientRef: string | null;
  responsibleId: string | null;
  workflowId: string;
  status: OrderStatusRef;
  /** The department the order belongs to; null: no department (visible to everyone who sees its status). */
  departmentId: string | null;
  /** The client contact; its company is recorded with it (as it was when the contact was set). */
  clientContactId: string | null;
  clientCompanyId: string | null;
  /** Equipment of the client's company. */
  equipmentId: string | null;
  /** The inbound message the order was opened from, if any. */
  inboundMessageId: string | null;
  /** The channel that inbound message came in through (null: not opened from one). */
  channelId: string | null;
  /** Lower-case labels, sorted, without repeats (services/workflow/src/orders/order-tags.policy.ts). */
  tags: string[];
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** What the permissions service decided when the change was allowed. */
export class RecordedDecision {
  @IsString() @MaxLength(100) code!: string;
  @IsInt() @Min(0) policyVersion!: number;
}

/**
 * `responsible`: the responsible employee changed; `tags`: tags were added or removed; `automation`: a rule matched
 * and did nothing, saying why in `automation.note`, or asked for an employee to be notified (the note names the employee).
 */
export type OrderHistoryKind = 'status' | 'transfer' | 'responsible' | 'tags' | 'automation';
export const ORDER_HISTORY_KINDS: readonly OrderHistoryKind[] = ['status', 'transfer', 'responsible', 'tags', 'automation'];

/** The tags a change added and removed, each sorted. */
export interface OrderTagsChange {
  added: string[];
  removed: string[];
}

/** The automation rule an entry comes from. */
export interface OrderHistoryAutomation {
  ruleId: string;
  /** Why the rule did nothing, or whom it notified (entries of kind `automation`); null when it changed the order. */
  note: string | null;
}

export interface OrderHistoryEntry {
  id: string;
  /** `status`: a status change (or the creation); `transfer`: a move to another department (the status stays). */
  kind: OrderHistoryKind;
  from: { id: string; name: string } | null;
  to: { id: string; name: string };
  actorId: string | null;
  at: string;
  decision: RecordedDecision | null;
  /** For transfers: the department before and after. */
  department: { from: string | null; to: string | null } | null;
  /** For `responsible` entries: the responsible employee before and after. */
  responsible: { from: string | null; to: string | null } | null;
  /** For `tags` entries: the tags added and removed. */
  tags: OrderTagsChange | null;
  /** Set when an automation rule made the entry (then `actorId` is null: the rule acted as the system). */
  automation: OrderHistoryAutomation | null;
}

export interface OrderStartingStatuses {
  workflowId: string;
  statuses: Array<{ id: string; name: string }>;
}

/** Text limits as the gateway's order DTOs have them (services/gateway/src/orders/dto/order.request.dto.ts). */
const ORDER_TITLE_MAX = 200;
const ORDER_DESCRIPTION_MAX = 5000;
const CLIENT_REF_MAX = 200;

export class CreateOrderData {
  /** Blank is refused by the service (ORDER.TITLE_REQUIRED), a rule of the order. */
  @Trim() @IsString() @MaxLength(ORDER_TITLE_MAX) title!: string;
  @IsOptional() @IsString() @MaxLength(ORDER_DESCRIPTION_MAX) description?: string;
  @IsOptional() @IsString() @MaxLength(CLIENT_REF_MAX) clientRef?: string | null;
  @IsOptional() @IsId() responsibleId?: string | null;
  /** Defaults to the tenant's first order workflow. */
  @IsOptional() @IsId() workflowId?: string;
  /** Defaults to the workflow's first initial status. */
  @IsOptional() @IsId() statusId?: string;
  @IsOptional() @IsId() departmentId?: string | null;
  /** The client's company is taken from the contact. */
  @IsOptional() @IsId() clientContactId?: string | null;
  /** Must be equipment of the client contact's company. */
  @IsOptional() @IsId() equipmentId?: string | null;
  /** Checked and normalised by the service (order-tags.policy.ts), so a refusal names the tag (`tags.1`). */
  @ValidateIf((_, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(ORDER_TAGS_INPUT_MAX)
  @IsString({ each: true })
  tags?: string[];
}

export class OrderStartQuery {
  @IsOptional() @IsId() workflowId?: string;
}

/**
 * Which orders a person sees besides the status filter, as the permissions service answered
 * (`permissions.orders.visibility-scope`); applied in SQL.
 */
export class OrderScope {
  /** 'all': every department (and orders without one); otherwise orders without a department or in one of these. */
  @ValidateIf((scope: OrderScope) => scope.departmentIds !== 'all') @IsArray() @IsId({ each: true }) departmentIds!: string[] | 'all';
  /** Set for a contact: only orders whose client contact it is, or of `managedCompanyIds` (its own company, as client manager). */
  @ValidateIf((_, value) => value !== null) @IsId() contactId!: string | null;
  /** Orders of these client companies are visible whatever their department (client managers). */
  @IsArray() @IsId({ each: true }) managedCompanyIds!: string[];
}

export class ListOrdersData {
  /** Statuses the caller may view, as the permissions service answered; the filter goes into SQL. */
  @IsArray() @IsId({ each: true }) visibleStatusIds!: string[];
  /** The rest of the visibility rule; required so that a caller cannot forget it. */
  @IsObject() @ValidateNested() @Type(() => OrderScope) scope!: OrderScope;
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsId({ each: true }) statusIds?: string[];
  @IsOptional() @IsId() departmentId?: string;
  /** A company's order history. */
  @IsOptional() @IsId() clientCompanyId?: string;
  /** An order number or part of the title. */
  @IsOptional() @Trim() @IsString() @MaxLength(100) search?: string;
  /** Only orders with this tag (normalised and checked by the service, order-tags.policy.ts). */
  @IsOptional() @IsString() @MaxLength(100) tag?: string;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @IsInt() @Min(1) @Max(100) limit!: number;
}

export class OrderRef {
  @IsId() orderId!: string;
}

export class OrderFieldChanges {
  /** Blank is refused by the service (ORDER.TITLE_REQUIRED). */
  @IsOptional() @Trim() @IsString() @MaxLength(ORDER_TITLE_MAX) title?: string;
  @IsOptional() @IsString() @MaxLength(ORDER_DESCRIPTION_MAX) description?: string;
  @IsOptional() @IsString() @MaxLength(CLIENT_REF_MAX) clientRef?: string | null;
  @IsOptional() @IsId() responsibleId?: string | null;
  /** Accepted only when it is the current department: moving an order is a transfer (`workflow.orders.transfer`). */
  @IsOptional() @IsId() departmentId?: string | null;
  @IsOptional() @IsId() clientContactId?: string | null;
  @IsOptional() @IsId() equipmentId?: string | null;
  /** The whole new set (an empty list removes every tag); checked and normalised by the service (order-tags.policy.ts). */
  @ValidateIf((_, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(ORDER_TAGS_INPUT_MAX)
  @IsString({ each: true })
  tags?: string[];
}

export class UpdateOrderData {
  @IsId() orderId!: string;
  @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
  @IsObject() @ValidateNested() @Type(() => OrderFieldChanges) changes!: OrderFieldChanges;
}

export class TransferOrderData {
  @IsId() orderId!: string;
  @IsId() departmentId!: string;
  /** The department the decision was made for; refused if the order moved since. */
  @ValidateIf((_, value) => value !== null) @IsId() expectedDepartmentId!: string | null;
  @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
  @IsObject() @ValidateNested() @Type(() => RecordedDecision) decision!: RecordedDecision;
}

export class ChangeOrderStatusData {
  @IsId() orderId!: string;
  @IsId() targetStatusId!: string;
  /** The status the permission decision was made for; the change is refused if the order moved since. */
  @IsId() expectedStatusId!: string;
  @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
  @IsObject() @ValidateNested() @Type(() => RecordedDecision) decision!: RecordedDecision;
}

export interface OrderCommentView {
  id: string;
  orderId: string;
  body: string;
  visibility: CommentVisibility;
  /** The employee or contact who wrote it (for an inbound reply, the sender's contact). */
  authorId: string | null;
  authorKind: PersonKind;
  /** Set when the comment is a client's inbound message that joined the ticket. */
  inboundMessageId: string | null;
  /** Set when an automation rule wrote the note (then there is no author). */
  automationRuleId: string | null;
  createdAt: string;
}

export class AddOrderCommentData {
  @IsId() orderId!: string;
  /** What a person may write through the API (an inbound message keeps its whole text); blank is COMMENT.BODY_REQUIRED. */
  @Trim() @IsString() @MaxLength(10_000) body!: string;
  @IsIn(COMMENT_VISIBILITIES) visibility!: CommentVisibility;
  /** The author is the request's actor; its kind comes from the signed-in principal. */
  @IsIn(PERSON_KINDS) authorKind!: PersonKind;
}

export class ListOrderCommentsData {
  @IsId() orderId!: string;
  /** A client's read: public replies only. */
  @IsBoolean() publicOnly!: boolean;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @IsInt() @Min(1) @Max(100) limit!: number;
}

export interface WorkflowRpc {
  'workflow.tenants.provision': { request: NoData; response: { workflow: WorkflowView } };
  'workflow.workflows.list': { request: ListWorkflowsData; response: WorkflowView[] };
  'workflow.workflows.get': { request: WorkflowRef; response: WorkflowView };
  'workflow.workflows.create': { request: CreateWorkflowData; response: WorkflowView };
  'workflow.workflows.update': { request: UpdateWorkflowData; response: WorkflowView };
  /** One transition of a task workflow at a time; each publishes the workflow-changed event as an update does. */
  'workflow.transitions.add': { request: AddTransitionData; response: TransitionView };
  'workflow.transitions.change': { request: ChangeTransitionData; response: TransitionView };
  'workflow.transitions.remove': { request: TransitionRef; response: { deleted: true } };
  'workflow.orders.create': { request: CreateOrderData; response: OrderView };
  /** The statuses a new order may start in (initial, not archived, in workflow order); the default workflow unless named. */
  'workflow.orders.initial-statuses': { request: OrderStartQuery; response: OrderStartingStatuses };
  'workflow.orders.list': { request: ListOrdersData; response: Page<OrderView> };
  'workflow.orders.get': { request: OrderRef; response: OrderView };
  'workflow.orders.update': { request: UpdateOrderData; response: OrderView };
  'workflow.orders.change-status': { request: ChangeOrderStatusData; response: OrderView };
  'workflow.orders.history': { request: OrderRef; response: OrderHistoryEntry[] };
  /** Moves the order to another department, with a history entry and `workflow.order.transferred.v1`. */
  'workflow.orders.transfer': { request: TransferOrderData; response: OrderView };
  /** Oldest first; `workflow.order.comment-added.v1` for each added one. */
  'workflow.orders.comments.list': { request: ListOrderCommentsData; response: Page<OrderCommentView> };
  'workflow.orders.comments.add': { request: AddOrderCommentData; response: OrderCommentView };
}

export const WORKFLOW_RPC_REQUESTS: RpcRequestContracts<WorkflowRpc> = {
  'workflow.tenants.provision': NoData,
  'workflow.workflows.list': ListWorkflowsData,
  'workflow.workflows.get': WorkflowRef,
  'workflow.workflows.create': CreateWorkflowData,
  'workflow.workflows.update': UpdateWorkflowData,
  'workflow.transitions.add': AddTransitionData,
  'workflow.transitions.change': ChangeTransitionData,
  'workflow.transitions.remove': TransitionRef,
  'workflow.orders.create': CreateOrderData,
  'workflow.orders.initial-statuses': OrderStartQuery,
  'workflow.orders.list': ListOrdersData,
  'workflow.orders.get': OrderRef,
  'workflow.orders.update': UpdateOrderData,
  'workflow.orders.change-status': ChangeOrderStatusData,
  'workflow.orders.history': OrderRef,
  'workflow.orders.transfer': TransferOrderData,
  'workflow.orders.comments.list': ListOrderCommentsData,
  'workflow.orders.comments.add': AddOrderCommentData,
};
