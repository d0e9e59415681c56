import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toPage } from '@warden/kernel';
import type { CursorPosition, Page } from '@warden/kernel';
import type { NotificationKind, NotificationStatus, NotificationView, PersonKind } from '@warden/contracts';
import { queryRows } from '@warden/persistence';
import type { PlannedNotification } from './notification-recipients.policy';

/** What a template needs besides the tenant and the recipient, fixed when the event is taken in. */
export type NotificationContext = Record<string, string>;

interface NotificationRow {
  id: string;
  seq: string;
  tenant_id: string;
  kind: NotificationKind;
  event_id: string;
  recipient_id: string;
  recipient_kind: PersonKind;
  context: NotificationContext;
  email: string | null;
  subject: string | null;
  status: NotificationStatus;
  attempts: number;
  reason: string | null;
  next_attempt_at: Date | null;
  sent_at: Date | null;
  created_at: Date;
}

/** A notification claimed for one attempt. */
export interface ClaimedNotification {
  id: string;
  tenantId: string;
  kind: NotificationKind;
  eventId: string;
  recipientId: string;
  recipientKind: PersonKind;
  context: NotificationContext;
  attempts: number;
  createdAt: Date;
}

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    eventId: row.event_id,
    recipientId: row.recipient_id,
    recipientKind: row.recipient_kind,
    email: row.email,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    reason: row.reason,
    nextAttemptAt: row.status === 'pending' && row.next_attempt_at ? row.next_attempt_at.toISOString() : null,
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}

/** One row per (event, recipient): the queue of emails to send and, once tried, their log. */
@Injectable()
export class NotificationRepository {
  /** Queues each planned email, due now; the (event, recipient) key makes a repeated event queue nothing twice. */
  async enqueue(
    manager: EntityManager,
    tenantId: string,
    eventId: string,
    planned: PlannedNotification[],
    context: NotificationContext,
  ): Promise<number> {
    let queued = 0;
    for (const item of planned) {
      const rows = await queryRows(
        manager,
        `INSERT INTO notifications (id, tenant_id, kind, event_id, recipient_id, recipient_kind, context, next_attempt_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (event_id, recipient_id) DO NOTHING RETURNING id`,
        [tenantId, item.kind, eventId, item.recipientId, item.recipientKind, JSON.stringify(context)],
      );
      queued += rows.length;
    }
    return queued;
  }

  /** Locks one due notification for this transaction; SKIP LOCKED lets every replica take a different one. */
  async claimDue(manager: EntityManager): Promise<ClaimedNotification | null> {
    const rows = await queryRows<ClaimedNotification>(
      manager,
      `SELECT id, tenant_id AS "tenantId", kind, event_id AS "eventId", recipient_id AS "recipientId",
              recipient_kind AS "recipientKind", context, attempts, created_at AS "createdAt"
       FROM notifications WHERE status = 'pending' AND next_attempt_at <= now()
       ORDER BY next_attempt_at, seq LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    return rows[0] ?? null;
  }

  async markSent(manager: EntityManager, id: string, email: string, subject: string): Promise<void> {
    await manager.query(
      `UPDATE notifications SET status = 'sent', attempts = attempts + 1, email = $2, subject = $3, reason = NULL,
         sent_at = now(), next_attempt_at = NULL WHERE id = $1`,
      [id, email, subject],
    );
  }

  /** Looked at again later without counting an attempt (the recipient is not known yet). */
  async postpone(manager: EntityManager, id: string, reason: string, delayMs: number): Promise<void> {
    await manager.query(
      `UPDATE notifications SET reason = $2, next_attempt_at = now() + $3::bigint * interval '1 millisecond' WHERE id = $1`,
      [id, reason, delayMs],
    );
  }

  /** Not to be sent (notifications off, no real address, …): kept in the log with the reason. */
  async markSkipped(manager: EntityManager, id: string, reason: string, email: string | null): Promise<void> {
    await manager.query(`UPDATE notifications SET status = 'skipped', reason = $2, email = $3, next_attempt_at = NULL WHERE id = $1`, [
      id,
      reason,
      email,
    ]);
  }

  /** A failed attempt: tried again after `retryInMs`, or failed for good when null. */
  async markFailed(
    manager: EntityManager,
    id: string,
    reason: string,
    retryInMs: number | null,
    email: string | null,
    subject: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE notifications SET attempts = attempts + 1, reason = $2, email = $4, subject = $5,
         status = CASE WHEN $3::bigint IS NULL THEN 'failed' ELSE 'pending' END,
         next_attempt_at = CASE WHEN $3::bigint IS NULL THEN NULL ELSE now() + $3::bigint * interval '1 millisecond' END
       WHERE id = $1`,
      [id, reason.slice(0, 500), retryInMs, email, subject],
    );
  }

  /** Newest first; the cursor is the sequence number of the last row. */
  async page(
    manager: EntityManager,
    tenantId: string,
    filter: { recipientId?: string; status?: NotificationStatus; after: CursorPosition | null; limit: number },
  ): Promise<Page<NotificationView>> {
    const rows = await queryRows<NotificationRow>(
      manager,
      `SELECT * FROM notifications
       WHERE tenant_id = $1 AND ($2::uuid IS NULL OR recipient_id = $2) AND ($3::text IS NULL OR status = $3)
         AND ($4::bigint IS NULL OR seq < $4)
       ORDER BY seq DESC LIMIT $5`,
      [tenantId, filter.recipientId ?? null, filter.status ?? null, filter.after?.key ?? null, filter.limit + 1],
    );
    const page = toPage(rows, filter.limit, (row) => ({ key: row.seq, id: row.id }));
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }
}
