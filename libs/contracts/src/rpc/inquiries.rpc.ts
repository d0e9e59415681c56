import { PartialType } from '@nestjs/mapped-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { Page } from '@warden/kernel';
import { NoData } from './rpc-request.contract';
import type { RpcRequestContracts } from './rpc-request.contract';
import { PERSON_KINDS } from '../events/identity.events';
import type { PersonKind } from '../events/identity.events';
import { CONVERSATION_KINDS, RECEPTION_MODES } from '../events/inquiries.events';
import type { ConversationKind, ReceptionMode, RoutingOutcome, RoutingTrigger } from '../events/inquiries.events';
import { OptionalText, Trim } from './request-fields';

/** The longest message text, after trimming; the gateway's DTOs (services/gateway/src/chats/dto) refuse the same. */
export const MAX_MESSAGE_LENGTH = 4000;
/** The most items one page of conversations, messages or inquiries holds. */
export const MAX_CHAT_PAGE_SIZE = 100;
/** Inquiries are opened by clients writing (`inquiries.inquiries.receive`), never started as a chat. */
export const CREATABLE_CONVERSATION_KINDS = ['internal', 'client_employee', 'client_group'] as const;
export type CreatableConversationKind = (typeof CREATABLE_CONVERSATION_KINDS)[number];

const notNull = (_: object, value: unknown): boolean => value !== null;

/** Who is asking. What it may see and do is decided by the permissions service before the call. */
export class ChatCaller {
  @IsUUID() personId!: string;
  @IsIn(PERSON_KINDS) kind!: PersonKind;
}

/** A chat administrator's branches in an inquiry scope. */
export class InquiryAdminBranches {
  @IsBoolean() all!: boolean;
  @IsArray() @IsUUID('all', { each: true }) branchIds!: string[];
}

/**
 * Which inquiries a person sees, as the permissions service answered
 * (`permissions.inquiries.visibility-scope`, by services/permissions/src/chat-access/chat-access.policy.ts);
 * the inquiries service applies it in the list's SQL, so paging counts only what the person sees.
 */
export class InquiryScope {
  /** Inquiries assigned to this employee (null for a client). */
  @ValidateIf(notNull) @IsUUID() assigneeId!: string | null;
  /** A client's own inquiries, by its directory contact (null for employees, or a login linked to none). */
  @ValidateIf(notNull) @IsUUID() contactId!: string | null;
  /** As a chat administrator: inquiries without a branch and those of `branchIds`, or of every branch (`all`); null: none. */
  @ValidateIf(notNull) @IsObject() @ValidateNested() @Type(() => InquiryAdminBranches) adminBranches!: InquiryAdminBranches | null;
}

/** A permissions decision the inquiries service applies after its own checks of the request's data. */
export class AppliedDecision {
  @IsBoolean() allowed!: boolean;
  @IsString() @MaxLength(100) code!: string;
  /** The permissions service's sentence; it may list branch ids, hence the generous bound. */
  @IsString() @MaxLength(20_000) reason!: string;
}

export interface ChatEmployeeFacts {
  personId: string;
  name: string;
  allBranches: boolean;
  branchIds: string[];
}

/**
 * What the permissions service's `conversation` and `inquiry` rules decide on, read from the
 * inquiries service at decision time (`inquiries.conversations.access-facts`).
 */
export interface ChatAccessFacts {
  /** null: no such conversation in this tenant. An inquiry is the conversation with its id. */
  conversation: {
    id: string;
    kind: ConversationKind;
    branchId: string | null;
    participants: ParticipantView[];
    /** For inquiries: the assigned employee (null when waiting or closed without one). */
    assigneeId: string | null;
  } | null;
  /**
   * The asking person: for a contact, the directory contact it signs in as (null when unknown); for an
   * employee, its branches and directory's all-branches flag (its rights are the permissions service's own).
   */
  person: { contactId: string | null; allBranches: boolean; branchIds: string[] };
  /** Only when asked about an assignee: null when it is not an employee of this organisation. */
  assignee?: ChatEmployeeFacts | null;
  /** Only when asked (`kinds: true`, deciding `conversation.start`): which chat kinds the tenant has switched on. */
  kinds?: ChatKindsView;
}

export interface ParticipantView {
  id: string;
  kind: 'employee' | 'contact';
}

export interface ConversationView {
  id: string;
  kind: ConversationKind;
  title: string | null;
  branchId: string | null;
  participants: ParticipantView[];
  createdBy: string | null;
  createdAt: string;
  lastMessageAt: string | null;
  /** Messages after the viewer's read mark (0 for people who are not participants). */
  unreadCount: number;
}

export interface MessageView {
  id: string;
  conversationId: string;
  authorId: string;
  authorKind: 'employee' | 'contact';
  text: string;
  createdAt: string;
}

export const REJECTION_REASONS = ['offline', 'mode', 'no_right', 'branch', 'schedule', 'load', 'sticky'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** One employee as the router saw it: chosen (reason null), qualified but outranked, or rejected. */
export interface CandidateVerdict {
  personId: string;
  name: string;
  qualified: boolean;
  reason: RejectionReason | null;
  /** Every rule the employee failed, in evaluation order (the first is `reason`). */
  failed: RejectionReason[];
  detail: string;
  /** Open inquiries when routing looked at the employee's load; null when its right, mode or branch ruled it out first. */
  openInquiries: number | null;
}

export interface RoutingDecisionView {
  id: string | null;
  trigger: RoutingTrigger | 'preview';
  outcome: RoutingOutcome;
  assigneeId: string | null;
  reason: string;
  /** The sticky assignee released after being offline too long, if any. */
  released: { personId: string; offlineMinutes: number } | null;
  decidedAt: string;
  candidates: CandidateVerdict[];
}

export const INQUIRY_STATUSES = ['waiting', 'assigned', 'closed'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export interface InquiryView {
  id: string;
  contactId: string;
  branchId: string | null;
  status: InquiryStatus;
  assigneeId: string | null;
  assignedAt: string | null;
  waitingSince: string | null;
  createdAt: string;
  closedAt: string | null;
  lastMessageAt: string | null;
}

export interface InquiryDetailsView extends InquiryView {
  /** Every routing decision stored for this inquiry, oldest first. */
  decisions: RoutingDecisionView[];
}

export interface ReceivedInquiryView extends InquiryView {
  /** False when the message joined the client's open inquiry. */
  created: boolean;
  messageId: string;
}

export interface ReceptionView {
  personId: string;
  mode: ReceptionMode;
  setBy: string | null;
  updatedAt: string | null;
}

/** The tenant's chat switches; `inquiries.settings.put` takes any of them (ChatSettingsChanges). */
export class ChatSettingsView {
  @IsBoolean() clientEmployeeChats!: boolean;
  @IsBoolean() clientGroupChats!: boolean;
  @IsBoolean() inquiries!: boolean;
  /** Release a sticky inquiry whose assignee has been offline this long; null: never. */
  @ValidateIf(notNull) @IsInt() @Min(1) stickyReleaseMinutes!: number | null;
  /** Route only to employees inside their work schedule (when identity publishes schedules). */
  @IsBoolean() useWorkSchedules!: boolean;
}

/** The switches to change; those left out stay as they are. */
export class ChatSettingsChanges extends PartialType(ChatSettingsView) {}

/**
 * Which chat kinds the tenant has switched on, for everyone to read (a client app shows only what it may
 * use). Internal chats have no switch: they are always on.
 */
export interface ChatKindsView {
  internalChats: true;
  clientEmployeeChats: boolean;
  clientGroupChats: boolean;
  inquiries: boolean;
}

export function chatKinds(settings: Pick<ChatSettingsView, 'clientEmployeeChats' | 'clientGroupChats' | 'inquiries'>): ChatKindsView {
  return {
    internalChats: true,
    clientEmployeeChats: settings.clientEmployeeChats,
    clientGroupChats: settings.clientGroupChats,
    inquiries: settings.inquiries,
  };
}

export class StartConversationRequest {
  @IsObject() @ValidateNested() @Type(() => ChatCaller) viewer!: ChatCaller;
  @IsIn(CREATABLE_CONVERSATION_KINDS) kind!: CreatableConversationKind;
  /** Blank means none. */
  @IsOptional() @OptionalText() @IsString() @MaxLength(200) title?: string | null;
  @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) employeeIds!: string[];
  @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) contactIds!: string[];
  @IsOptional() @IsUUID() branchId?: string | null;
}

export class ListConversationsRequest {
  @IsObject() @ValidateNested() @Type(() => ChatCaller) viewer!: ChatCaller;
  @IsOptional() @IsIn(CONVERSATION_KINDS) kind?: ConversationKind;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @IsInt() @Min(1) @Max(MAX_CHAT_PAGE_SIZE) limit!: number;
}

/** One conversation, as the viewer sees it. */
export class ConversationViewerRequest {
  @IsObject() @ValidateNested() @Type(() => ChatCaller) viewer!: ChatCaller;
  @IsUUID() conversationId!: string;
}

export class PostMessageRequest extends ConversationViewerRequest {
  @Trim() @IsString() @IsNotEmpty() @MaxLength(MAX_MESSAGE_LENGTH) text!: string;
}

export class ListMessagesRequest extends ConversationViewerRequest {
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @IsInt() @Min(1) @Max(MAX_CHAT_PAGE_SIZE) limit!: number;
}

export class ReadMarkRequest extends ConversationViewerRequest {
  @IsUUID() messageId!: string;
}

export class ReceiveInquiryRequest {
  @IsObject() @ValidateNested() @Type(() => ChatCaller) viewer!: ChatCaller;
  /** The client who wrote, when an employee or a connector records it; a signed-in client writes as itself. */
  @IsOptional() @IsUUID() contactId?: string;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(MAX_MESSAGE_LENGTH) text!: string;
}

export class ListInquiriesRequest {
  @IsObject() @ValidateNested() @Type(() => InquiryScope) scope!: InquiryScope;
  @IsOptional() @IsIn(INQUIRY_STATUSES) status?: InquiryStatus;
  @IsOptional() @IsUUID() assigneeId?: string;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @IsInt() @Min(1) @Max(MAX_CHAT_PAGE_SIZE) limit!: number;
}

/** One inquiry, as the viewer sees it. */
export class InquiryViewerRequest {
  @IsObject() @ValidateNested() @Type(() => ChatCaller) viewer!: ChatCaller;
  @IsUUID() inquiryId!: string;
}

export class ReassignInquiryRequest extends InquiryViewerRequest {
  @IsUUID() assigneeId!: string;
  @IsObject() @ValidateNested() @Type(() => AppliedDecision) branch!: AppliedDecision;
}

export class ChatAccessFactsRequest {
  @IsUUID() personId!: string;
  @IsIn(PERSON_KINDS) kind!: PersonKind;
  @IsOptional() @IsUUID() conversationId?: string;
  @IsOptional() @IsUUID() assigneeId?: string;
  @IsOptional() @IsBoolean() kinds?: boolean;
}

/** A person: whose inquiry scope or reception mode. */
export class ChatPersonRef {
  @IsUUID() personId!: string;
}

export class RoutingPreviewRequest {
  @IsUUID() contactId!: string;
}

export class SetReceptionRequest {
  @IsUUID() personId!: string;
  @IsIn(RECEPTION_MODES) mode!: ReceptionMode;
  @IsBoolean() hasAllBranchesRight!: boolean;
}

export interface InquiriesRpc {
  'inquiries.conversations.create': { request: StartConversationRequest; response: ConversationView };
  'inquiries.conversations.list': { request: ListConversationsRequest; response: Page<ConversationView> };
  'inquiries.conversations.get': { request: ConversationViewerRequest; response: ConversationView };
  'inquiries.messages.post': { request: PostMessageRequest; response: MessageView };
  'inquiries.messages.list': { request: ListMessagesRequest; response: Page<MessageView> };
  'inquiries.messages.read': {
    request: ReadMarkRequest;
    response: { conversationId: string; lastReadMessageId: string; unreadCount: number };
  };
  /** A client wrote: joins the client's open inquiry, or opens one and routes it. */
  'inquiries.inquiries.receive': { request: ReceiveInquiryRequest; response: ReceivedInquiryView };
  'inquiries.inquiries.list': { request: ListInquiriesRequest; response: Page<InquiryView> };
  'inquiries.inquiries.get': { request: InquiryViewerRequest; response: InquiryDetailsView };
  /**
   * `branch`: the permissions service's `inquiry.assign-branch` decision for this assignee, applied after
   * the inquiry's state and the assignee are checked (409, 422 come first, as they always did).
   */
  'inquiries.inquiries.reassign': { request: ReassignInquiryRequest; response: InquiryView };
  'inquiries.inquiries.close': { request: InquiryViewerRequest; response: InquiryView };
  /**
   * For the permissions service's `conversation` and `inquiry` rules; `assigneeId` adds the assignee's facts.
   * Without `conversationId`, the person's facts alone (for its list scope); `kinds` adds the tenant's chat switches.
   */
  'inquiries.conversations.access-facts': { request: ChatAccessFactsRequest; response: ChatAccessFacts };
  /** Which inquiries a person sees, for the list's SQL. */
  'permissions.inquiries.visibility-scope': { request: ChatPersonRef; response: InquiryScope & { policyVersion: number } };
  /** Dry run: who would get an inquiry from this client now, and why every other employee would not. */
  'inquiries.routing.preview': { request: RoutingPreviewRequest; response: RoutingDecisionView };
  'inquiries.reception.get': { request: ChatPersonRef; response: ReceptionView };
  /** `hasAllBranchesRight`: the target's `branches.all`, decided by the gateway through permissions. */
  'inquiries.reception.set': { request: SetReceptionRequest; response: ReceptionView };
  'inquiries.settings.get': { request: NoData; response: ChatSettingsView };
  /** The switched-on chat kinds alone, for any signed-in person. */
  'inquiries.settings.kinds': { request: NoData; response: ChatKindsView };
  'inquiries.settings.put': { request: ChatSettingsChanges; response: ChatSettingsView };
}

export const INQUIRIES_RPC_REQUESTS: RpcRequestContracts<InquiriesRpc> = {
  'inquiries.conversations.create': StartConversationRequest,
  'inquiries.conversations.list': ListConversationsRequest,
  'inquiries.conversations.get': ConversationViewerRequest,
  'inquiries.messages.post': PostMessageRequest,
  'inquiries.messages.list': ListMessagesRequest,
  'inquiries.messages.read': ReadMarkRequest,
  'inquiries.inquiries.receive': ReceiveInquiryRequest,
  'inquiries.inquiries.list': ListInquiriesRequest,
  'inquiries.inquiries.get': InquiryViewerRequest,
  'inquiries.inquiries.reassign': ReassignInquiryRequest,
  'inquiries.inquiries.close': InquiryViewerRequest,
  'inquiries.conversations.access-facts': ChatAccessFactsRequest,
  // Handled by the permissions service (services/permissions/src/chat-access/chat-access.messages.ts), declared here beside the scope it answers.
  'permissions.inquiries.visibility-scope': ChatPersonRef,
  'inquiries.routing.preview': RoutingPreviewRequest,
  'inquiries.reception.get': ChatPersonRef,
  'inquiries.reception.set': SetReceptionRequest,
  'inquiries.settings.get': NoData,
  'inquiries.settings.kinds': NoData,
  'inquiries.settings.put': ChatSettingsChanges,
};
