import type { Page } from '@warden/kernel';
import type { PersonKind } from '../events/identity.events';
import type { ConversationKind, ReceptionMode, RoutingOutcome, RoutingTrigger } from '../events/inquiries.events';

/** Who is asking. What it may see and do is decided by the permissions service before the call. */
export interface ChatCaller {
  personId: string;
  kind: PersonKind;
}

/**
 * Which inquiries a person sees, as the permissions service answered
 * (`permissions.inquiries.visibility-scope`, by services/permissions/src/chat-access/chat-access.policy.ts);
 * the inquiries service applies it in the list's SQL, so paging counts only what the person sees.
 */
export interface InquiryScope {
  /** Inquiries assigned to this employee (null for a client). */
  assigneeId: string | null;
  /** A client's own inquiries, by its directory contact (null for employees, or a login linked to none). */
  contactId: string | null;
  /** As a chat administrator: inquiries without a branch and those of `branchIds`, or of every branch (`all`); null: none. */
  adminBranches: { all: boolean; branchIds: string[] } | null;
}

/** A permissions decision the inquiries service applies after its own checks of the request's data. */
export interface AppliedDecision {
  allowed: boolean;
  code: string;
  reason: string;
}

/** An employee as the chat read models know it: its branches (directory's all-branches flag or the right `branches.all`). */
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

export interface ChatSettingsView {
  clientEmployeeChats: boolean;
  clientGroupChats: boolean;
  inquiries: boolean;
  /** Release a sticky inquiry whose assignee has been offline this long; null: never. */
  stickyReleaseMinutes: number | null;
  /** Route only to employees inside their work schedule (when identity publishes schedules). */
  useWorkSchedules: boolean;
}

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
  return { internalChats: true, clientEmployeeChats: settings.clientEmployeeChats, clientGroupChats: settings.clientGroupChats, inquiries: settings.inquiries };
}

export interface InquiriesRpc {
  'inquiries.conversations.create': {
    request: { viewer: ChatCaller; kind: Exclude<ConversationKind, 'inquiry'>; title?: string | null; employeeIds: string[]; contactIds: string[]; branchId?: string | null };
    response: ConversationView;
  };
  'inquiries.conversations.list': { request: { viewer: ChatCaller; kind?: ConversationKind; cursor?: string; limit: number }; response: Page<ConversationView> };
  'inquiries.conversations.get': { request: { viewer: ChatCaller; conversationId: string }; response: ConversationView };
  'inquiries.messages.post': { request: { viewer: ChatCaller; conversationId: string; text: string }; response: MessageView };
  'inquiries.messages.list': { request: { viewer: ChatCaller; conversationId: string; cursor?: string; limit: number }; response: Page<MessageView> };
  'inquiries.messages.read': {
    request: { viewer: ChatCaller; conversationId: string; messageId: string };
    response: { conversationId: string; lastReadMessageId: string; unreadCount: number };
  };
  /** A client wrote: joins the client's open inquiry, or opens one and routes it. */
  'inquiries.inquiries.receive': { request: { viewer: ChatCaller; contactId?: string; text: string }; response: ReceivedInquiryView };
  'inquiries.inquiries.list': {
    request: { scope: InquiryScope; status?: InquiryStatus; assigneeId?: string; cursor?: string; limit: number };
    response: Page<InquiryView>;
  };
  'inquiries.inquiries.get': { request: { viewer: ChatCaller; inquiryId: string }; response: InquiryDetailsView };
  /**
   * `branch`: the permissions service's `inquiry.assign-branch` decision for this assignee, applied after
   * the inquiry's state and the assignee are checked (409, 422 come first, as they always did).
   */
  'inquiries.inquiries.reassign': { request: { viewer: ChatCaller; inquiryId: string; assigneeId: string; branch: AppliedDecision }; response: InquiryView };
  'inquiries.inquiries.close': { request: { viewer: ChatCaller; inquiryId: string }; response: InquiryView };
  /**
   * For the permissions service's `conversation` and `inquiry` rules; `assigneeId` adds the assignee's facts.
   * Without `conversationId`, the person's facts alone (for its list scope); `kinds` adds the tenant's chat switches.
   */
  'inquiries.conversations.access-facts': {
    request: { personId: string; kind: PersonKind; conversationId?: string; assigneeId?: string; kinds?: boolean };
    response: ChatAccessFacts;
  };
  /** Which inquiries a person sees, for the list's SQL. */
  'permissions.inquiries.visibility-scope': { request: { personId: string }; response: InquiryScope & { policyVersion: number } };
  /** Dry run: who would get an inquiry from this client now, and why every other employee would not. */
  'inquiries.routing.preview': { request: { contactId: string }; response: RoutingDecisionView };
  'inquiries.reception.get': { request: { personId: string }; response: ReceptionView };
  /** `hasAllBranchesRight`: the target's `branches.all`, decided by the gateway through permissions. */
  'inquiries.reception.set': { request: { personId: string; mode: ReceptionMode; hasAllBranchesRight: boolean }; response: ReceptionView };
  'inquiries.settings.get': { request: Record<string, never>; response: ChatSettingsView };
  /** The switched-on chat kinds alone, for any signed-in person. */
  'inquiries.settings.kinds': { request: Record<string, never>; response: ChatKindsView };
  'inquiries.settings.put': { request: Partial<ChatSettingsView>; response: ChatSettingsView };
}
