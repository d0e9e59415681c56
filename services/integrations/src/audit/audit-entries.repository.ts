import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditEntryView, AuditQuery, AuditRecordedV1, CloudEvent } from '@warden/contracts';
import { toPage } from '@warden/kernel';
import type { CursorPosition, Page } from '@warden/kernel';
import { queryRows } from '@warden/persistence';

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_kind: 'person' | 'system';
  action: string;
  resource_type: string;
  resource_id: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  request_id: string | null;
}

function toView(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { id: row.actor_id, kind: row.actor_kind },
    action: row.action,
    resource: { type: row.resource_type, id: row.resource_id },
    before: row.before,
    after: row.after,
    requestId: row.request_id,
  };
}

export type AuditFilter = Omit<AuditQuery, 'cursor' | 'limit'> & { after: CursorPosition | null; limit: number };

/** The audit log: appended from the event stream, read by tenant, pruned by age. Every read is scoped by tenant_id. */
@Injectable()
export class AuditEntriesRepository {
  /** Keyed by the event id: a redelivered event inserts nothing. */
  async append(manager: EntityManager, event: CloudEvent<AuditRecordedV1>): Promise<void> {
    const entry = event.data;
    await manager.query(
      `INSERT INTO audit_entries (id, tenant_id, at, source, actor_id, actor_kind, action, resource_type, resource_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING`,
      [
        event.id,
        event.tenantid,
        entry.at,
        event.type.split('.')[0],
        entry.actor.id ?? null,
        entry.actor.kind,
        entry.action,
        entry.resource.type,
        entry.resource.id,
        JSON.stringify(entry.before),
        JSON.stringify(entry.after),
        entry.requestId ?? null,
      ],
    );
  }

  /** Newest first; the cursor is (at, id) of the last entry. */
  async page(manager: EntityManager, tenantId: string, filter: AuditFilter): Promise<Page<AuditEntryView>> {
    const rows = await queryRows<AuditRow>(
      manager,
      `SELECT id, at, actor_id, actor_kind, action, resource_type, resource_id, before, after, request_id FROM audit_entries
       WHERE tenant_id = $1
         AND ($2::uuid IS NULL OR actor_id = $2) AND ($3::text IS NULL OR resource_type = $3)
         AND ($4::text IS NULL OR resource_id = $4) AND ($5::text IS NULL OR action = $5)
         AND ($6::timestamptz IS NULL OR at >= $6) AND ($7::timestamptz IS NULL OR at < $7)
         AND ($8::text IS NULL OR request_id = $8)
         AND ($9::timestamptz IS NULL OR (at, id) < ($9, $10::uuid))
       ORDER BY at DESC, id DESC LIMIT $11`,
      [
        tenantId,
        filter.actorId ?? null,
        filter.resourceType ?? null,
        filter.resourceId ?? null,
        filter.action ?? null,
        filter.from ?? null,
        filter.to ?? null,
        filter.requestId ?? null,
        filter.after?.key ?? null,
        filter.after?.id ?? null,
        filter.limit + 1,
      ],
    );
    const page = toPage(rows, filter.limit, (row) => ({ key: row.at.toISOString(), id: row.id }));
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }

  /** Deletes up to `batch` entries older than `before`; how many went. Small batches keep each transaction short. */
  async pruneOlderThan(manager: EntityManager, before: Date, batch: number): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `DELETE FROM audit_entries WHERE id IN (SELECT id FROM audit_entries WHERE at < $1 ORDER BY at LIMIT $2) RETURNING id`,
      [before.toISOString(), batch],
    );
    return rows.length;
  }
}
