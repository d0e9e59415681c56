import type { Page } from '@warden/kernel';
import type { CommentVisibility, StatusCategory, WorkflowKind } from '../events/workflow.events';
import type { PersonKind } from '../events/identity.events';
import type { AddTransitionData, ChangeTransitionData, TransitionInput, TransitionView } from './transition.rpc';

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
export interface StatusInput {
  id?: string;
  name: string;
  color?: string;
  category: StatusCategory;
  archived?: boolean;
}

export interface CreateWorkflowData {
  name: string;
  kind: WorkflowKind;
  statuses: StatusInput[];
  /** Task workflows only. */
  transitions?: TransitionInput[];
}

/**
 * `statuses`, when given, is the whole ordered list: positions follow the array, statuses without
 * an id are added, and a status missing from the list is deleted (refused while orders use it).
 */
export interface UpdateWorkflowData {
  workflowId: string;
  name?: string;
  statuses?: StatusInput[];
  /** Task workflows only; when given, the whole list (transitions left out are removed). */
  transitions?: TransitionInput[];
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
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** What the permissions service decided when the change was allowed. */
export interface RecordedDecision {
  code: string;
  policyVersion: number;
}

/** `responsible`: the responsible employee changed; `automation`: a rule matched and did nothing, saying why in `automation.note`. */
export type OrderHistoryKind = 'status' | 'transfer' | 'responsible' | 'automation';

/** The automation rule an entry comes from. */
export interface OrderHistoryAutomation {
  ruleId: string;
  /** Why the rule did nothing (entries of kind `automation`); null when it acted. */
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
  /** Set when an automation rule made the entry (then `actorId` is null: the rule acted as the system). */
  automation: OrderHistoryAutomation | null;
}

export interface OrderStartingStatuses {
  workflowId: string;
  statuses: Array<{ id: string; name: string }>;
}

export interface CreateOrderData {
  title: string;
  description?: string;
  clientRef?: string | null;
  responsibleId?: string | null;
  /** Defaults to the tenant's first order workflow. */
  workflowId?: string;
  /** Defaults to the workflow's first initial status. */
  statusId?: string;
  departmentId?: string | null;
  /** The client's company is taken from the contact. */
  clientContactId?: string | null;
  /** Must be equipment of the client contact's company. */
  equipmentId?: string | null;
}

/**
 * Which orders a person sees besides the status filter, as the permissions service answered
 * (`permissions.orders.visibility-scope`); applied in SQL.
 */
export interface OrderScope {
  /** 'all': every department (and orders without one); otherwise orders without a department or in one of these. */
  departmentIds: string[] | 'all';
  /** Set for a contact: only orders whose client contact it is, or of `managedCompanyIds` (its own company, as client manager). */
  contactId: string | null;
  /** Orders of these client companies are visible whatever their department (client managers). */
  managedCompanyIds: string[];
}

export interface ListOrdersData {
  /** Statuses the caller may view, as the permissions service answered; the filter goes into SQL. */
  visibleStatusIds: string[];
  /** The rest of the visibility rule; required so that a caller cannot forget it. */
  scope: OrderScope;
  statusIds?: string[];
  departmentId?: string;
  /** A company's order history. */
  clientCompanyId?: string;
  search?: string;
  cursor?: string;
  limit: number;
}

export interface UpdateOrderData {
  orderId: string;
  expectedVersion?: number;
  changes: OrderFieldChanges;
}

export interface OrderFieldChanges {
  title?: string;
  description?: string;
  clientRef?: string | null;
  responsibleId?: string | null;
  /** Accepted only when it is the current department: moving an order is a transfer (`workflow.orders.transfer`). */
  departmentId?: string | null;
  clientContactId?: string | null;
  equipmentId?: string | null;
}

export interface TransferOrderData {
  orderId: string;
  departmentId: string;
  /** The department the decision was made for; refused if the order moved since. */
  expectedDepartmentId: string | null;
  expectedVersion?: number;
  decision: RecordedDecision;
}

export interface ChangeOrderStatusData {
  orderId: string;
  targetStatusId: string;
  /** The status the permission decision was made for; the change is refused if the order moved since. */
  expectedStatusId: string;
  expectedVersion?: number;
  decision: RecordedDecision;
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
  createdAt: string;
}

export interface AddOrderCommentData {
  orderId: string;
  body: string;
  visibility: CommentVisibility;
  /** The author is the request's actor; its kind comes from the signed-in principal. */
  authorKind: PersonKind;
}

export interface ListOrderCommentsData {
  orderId: string;
  /** A client's read: public replies only. */
  publicOnly: boolean;
  cursor?: string;
  limit: number;
}

export interface WorkflowRpc {
  'workflow.tenants.provision': { request: Record<string, never>; response: { workflow: WorkflowView } };
  'workflow.workflows.list': { request: { kind?: WorkflowKind }; response: WorkflowView[] };
  'workflow.workflows.get': { request: { workflowId: string }; response: WorkflowView };
  'workflow.workflows.create': { request: CreateWorkflowData; response: WorkflowView };
  'workflow.workflows.update': { request: UpdateWorkflowData; response: WorkflowView };
  /** One transition of a task workflow at a time; each publishes the workflow-changed event as an update does. */
  'workflow.transitions.add': { request: AddTransitionData; response: TransitionView };
  'workflow.transitions.change': { request: ChangeTransitionData; response: TransitionView };
  'workflow.transitions.remove': { request: { workflowId: string; transitionId: string }; response: { deleted: true } };
  'workflow.orders.create': { request: CreateOrderData; response: OrderView };
  /** The statuses a new order may start in (initial, not archived, in workflow order); the default workflow unless named. */
  'workflow.orders.initial-statuses': { request: { workflowId?: string }; response: OrderStartingStatuses };
  'workflow.orders.list': { request: ListOrdersData; response: Page<OrderView> };
  'workflow.orders.get': { request: { orderId: string }; response: OrderView };
  'workflow.orders.update': { request: UpdateOrderData; response: OrderView };
  'workflow.orders.change-status': { request: ChangeOrderStatusData; response: OrderView };
  'workflow.orders.history': { request: { orderId: string }; response: OrderHistoryEntry[] };
  /** Moves the order to another department, with a history entry and `workflow.order.transferred.v1`. */
  'workflow.orders.transfer': { request: TransferOrderData; response: OrderView };
  /** Oldest first; `workflow.order.comment-added.v1` for each added one. */
  'workflow.orders.comments.list': { request: ListOrderCommentsData; response: Page<OrderCommentView> };
  'workflow.orders.comments.add': { request: AddOrderCommentData; response: OrderCommentView };
}
