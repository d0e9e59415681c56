import type { Page } from '@warden/kernel';
import type { AuditActorKind } from '../events/audit.events';

/** One entry of the audit log as `GET /api/v1/audit` answers it; `id` is the id of the event that carried it. */
export interface AuditEntryView {
  id: string;
  at: string;
  actor: { id: string | null; kind: AuditActorKind };
  action: string;
  resource: { type: string; id: string };
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  requestId: string | null;
}

/** Filters of the audit log; the gateway has validated them (bad values are 422 there). */
export interface AuditQuery {
  actorId?: string;
  resourceType?: string;
  resourceId?: string;
  action?: string;
  /** ISO 8601 instants: entries at or after `from`, before `to`. */
  from?: string;
  to?: string;
  requestId?: string;
  cursor?: string;
  limit?: number;
}

export interface AuditRpc {
  'integrations.audit.list': { request: AuditQuery; response: Page<AuditEntryView> };
}
