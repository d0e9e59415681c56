import type { Page } from '@warden/kernel';
import type { StatusCategory, WorkflowKind } from '../events/workflow.events';

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
}

/**
 * `statuses`, when given, is the whole ordered list: positions follow the array, statuses without
 * an id are added, and a status missing from the list is deleted (refused while orders use it).
 */
export interface UpdateWorkflowData {
  workflowId: string;
  name?: string;
  statuses?: StatusInput[];
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

export interface OrderHistoryEntry {
  id: string;
  from: { id: string; name: string } | null;
  to: { id: string; name: string };
  actorId: string | null;
  at: string;
  decision: RecordedDecision | null;
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
}

export interface ListOrdersData {
  /** Statuses the caller may view, as the permissions service answered; the filter goes into SQL. */
  visibleStatusIds: string[];
  statusIds?: string[];
  search?: string;
  cursor?: string;
  limit: number;
}

export interface UpdateOrderData {
  orderId: string;
  expectedVersion?: number;
  changes: { title?: string; description?: string; clientRef?: string | null; responsibleId?: string | null };
}

export interface ChangeOrderStatusData {
  orderId: string;
  targetStatusId: string;
  /** The status the permission decision was made for; the change is refused if the order moved since. */
  expectedStatusId: string;
  expectedVersion?: number;
  decision: RecordedDecision;
}

export interface WorkflowRpc {
  'workflow.tenants.provision': { request: Record<string, never>; response: { workflow: WorkflowView } };
  'workflow.workflows.list': { request: { kind?: WorkflowKind }; response: WorkflowView[] };
  'workflow.workflows.get': { request: { workflowId: string }; response: WorkflowView };
  'workflow.workflows.create': { request: CreateWorkflowData; response: WorkflowView };
  'workflow.workflows.update': { request: UpdateWorkflowData; response: WorkflowView };
  'workflow.orders.create': { request: CreateOrderData; response: OrderView };
  'workflow.orders.list': { request: ListOrdersData; response: Page<OrderView> };
  'workflow.orders.get': { request: { orderId: string }; response: OrderView };
  'workflow.orders.update': { request: UpdateOrderData; response: OrderView };
  'workflow.orders.change-status': { request: ChangeOrderStatusData; response: OrderView };
  'workflow.orders.history': { request: { orderId: string }; response: OrderHistoryEntry[] };
}
