import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toPage } from '@warden/kernel';
import type { CursorPosition, Page } from '@warden/kernel';
import type { WebhookDeliveryStatus, WebhookDeliveryView } from '@warden/contracts';
import { queryRows } from '@warden/persistence';

interface DeliveryRow {
  id: string;
  seq: string;
  tenant_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  subject: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
}

/** A delivery claimed for one attempt, with what it needs to send. */
export interface ClaimedDelivery {
  id: string;
  /** Also the `webhook-id`: the same for every attempt, redelivery and replay, so receivers can de-duplicate. */
  eventId: string;
  endpointId: string;
  attempts: number;
  url: string;
  body: string;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
}

export interface StoredEvent {
  id: string;
  tenantId: string;
  type: string;
  subject: string;
  time: string;
  body: string;
  /** The event's position in the JetStream stream: publication order, which keeps a subject's events in order. */
  streamSeq: number;
}

function toView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    nextAttemptAt: row.status === 'pending' && row.next_attempt_at ? row.next_attempt_at.toISOString() : null,
    deliveredAt: row.delivered_at ? row.delivered_at.toISOString() : null,
  };
}

/** Events kept for delivery and the delivery rows whose locks keep replicas from sending one twice at a time. */
@Injectable()
export class DeliveryRepository {
  /** Stores an event once; false when it was already stored (a redelivery from the stream). */
  async storeEvent(manager: EntityManager, event: StoredEvent): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `INSERT INTO events (event_id, tenant_id, type, subject, time, body, stream_seq) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [event.id, event.tenantId, event.type, event.subject, event.time, event.body, event.streamSeq],
    );
    return rows.length > 0;
  }

  /**
   * One pending delivery per (endpoint, event), due now; an existing one is put back in the queue when `requeue`.
   * It carries the event's stream position: replicas of this service take events from the shared consumer in
   * parallel, so the order rows are inserted in is not the order the events were published in.
   */
  async enqueue(
    manager: EntityManager,
    tenantId: string,
    endpointIds: string[],
    event: Pick<StoredEvent, 'id' | 'type' | 'subject' | 'streamSeq'>,
    requeue = false,
  ): Promise<number> {
    if (endpointIds.length === 0) return 0;
    const rows = await queryRows(
      manager,
      `INSERT INTO deliveries (id, tenant_id, endpoint_id, event_id, event_type, subject, stream_seq, next_attempt_at)
       SELECT gen_random_uuid(), $1, endpoint_id, $3, $4, $5, $6, now() FROM unnest($2::uuid[]) AS endpoint_id
       ON CONFLICT (endpoint_id, event_id) DO ${requeue ? "UPDATE SET status = 'pending', next_attempt_at = now()" : 'NOTHING'}
       RETURNING id`,
      [tenantId, endpointIds, event.id, event.type, event.subject, event.streamSeq],
    );
    return rows.length;
  }

  /** The tenant's stored events since an instant, in the order they arrived. */
  async eventsSince(manager: EntityManager, tenantId: string, since: Date): Promise<StoredEvent[]> {
    return queryRows(
      manager,
      `SELECT event_id AS id, tenant_id AS "tenantId", type, subject, time, body, stream_seq::float8 AS "streamSeq" FROM events
       WHERE tenant_id = $1 AND time >= $2 ORDER BY stream_seq`,
      [tenantId, since],
    );
  }

  async eventTime(manager: EntityManager, tenantId: string, eventId: string): Promise<Date | null> {
    const rows = await queryRows<{ time: Date }>(manager, 'SELECT time FROM events WHERE tenant_id = $1 AND event_id = $2', [
      tenantId,
      eventId,
    ]);
    return rows[0]?.time ?? null;
  }

  /**
   * Locks up to `limit` due deliveries of one active endpoint for this transaction, oldest first: the endpoint of
   * the oldest due delivery no other worker holds, and as many more of its due deliveries as no other worker holds.
   * SKIP LOCKED lets every replica claim different ones; a delivery waits while an earlier one (by stream position)
   * for the same (endpoint, subject) is still pending, so a later change of an order never overtakes an earlier one,
   * and a claim never holds two of one subject (the later has the earlier pending). `busyEndpoints` are endpoints
   * this process already sends to as much as it allows: one slow receiver occupies some workers, never all of them.
   */
  async claimDue(manager: EntityManager, busyEndpoints: string[], limit = 1): Promise<ClaimedDelivery[]> {
    const due = `d.status = 'pending' AND d.next_attempt_at <= now()
         AND NOT EXISTS (
           SELECT 1 FROM deliveries earlier
           WHERE earlier.endpoint_id = d.endpoint_id AND earlier.subject = d.subject
             AND earlier.status = 'pending' AND earlier.stream_seq < d.stream_seq
         )`;
    const columns = `d.id, d.event_id AS "eventId", d.endpoint_id AS "endpointId", d.attempts, e.url, ev.body, e.secret,
              e.previous_secret AS "previousSecret", e.previous_secret_until AS "previousSecretUntil"`;
    const from = `deliveries d JOIN endpoints e ON e.id = d.endpoint_id JOIN events ev ON ev.event_id = d.event_id`;
    const order = 'ORDER BY d.next_attempt_at, d.stream_seq';
    // One row: a single pass. More: the endpoint first (the oldest due delivery no other worker holds), then its rows.
    const sql =
      limit === 1
        ? `SELECT ${columns} FROM ${from}
           WHERE ${due} AND e.active AND NOT (d.endpoint_id = ANY($1::uuid[]))
           ${order} LIMIT $2 FOR UPDATE OF d SKIP LOCKED`
        : `WITH first AS (
             SELECT d.endpoint_id FROM deliveries d JOIN endpoints e ON e.id = d.endpoint_id
             WHERE ${due} AND e.active AND NOT (d.endpoint_id = ANY($1::uuid[]))
             ${order} LIMIT 1 FOR UPDATE OF d SKIP LOCKED
           )
           SELECT ${columns} FROM ${from}
           WHERE d.endpoint_id = (SELECT endpoint_id FROM first) AND ${due}
           ${order} LIMIT $2 FOR UPDATE OF d SKIP LOCKED`;
    return queryRows<ClaimedDelivery>(manager, sql, [busyEndpoints, limit]);
  }

  /**
   * Successes (of one endpoint's claim), in one statement; they also close the endpoint's failure window
   * (one round trip for the whole claim).
   */
  async markDelivered(manager: EntityManager, successes: ReadonlyArray<{ id: string; statusCode: number }>): Promise<void> {
    if (successes.length === 0) return;
    await manager.query(
      `WITH delivered AS (
         UPDATE deliveries d SET status = 'delivered', attempts = d.attempts + 1, last_status_code = s.status_code,
           last_error = NULL, delivered_at = now(), next_attempt_at = NULL
         FROM unnest($1::uuid[], $2::int[]) AS s (id, status_code) WHERE d.id = s.id RETURNING d.endpoint_id)
       UPDATE endpoints SET failing_since = NULL WHERE id IN (SELECT endpoint_id FROM delivered) AND failing_since IS NOT NULL`,
      [successes.map((success) => success.id), successes.map((success) => success.statusCode)],
    );
  }

  /** A failed attempt: retried after `retryInMs`, or failed for good when null. */
  async markFailed(
    manager: EntityManager,
    id: string,
    statusCode: number | null,
    error: string | null,
    retryInMs: number | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE deliveries SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
         status = CASE WHEN $4::bigint IS NULL THEN 'failed' ELSE 'pending' END,
         next_attempt_at = CASE WHEN $4::bigint IS NULL THEN NULL ELSE now() + $4::bigint * interval '1 millisecond' END
       WHERE id = $1`,
      [id, statusCode, error?.slice(0, 500) ?? null, retryInMs],
    );
  }

  async find(manager: EntityManager, tenantId: string, endpointId: string, id: string): Promise<WebhookDeliveryView | null> {
    const rows = await queryRows<DeliveryRow>(manager, 'SELECT * FROM deliveries WHERE tenant_id = $1 AND endpoint_id = $2 AND id = $3', [
      tenantId,
      endpointId,
      id,
    ]);
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Puts a delivery back in the queue, due now, whatever became of it. */
  async requeue(manager: EntityManager, tenantId: string, endpointId: string, id: string): Promise<WebhookDeliveryView | null> {
    const rows = await queryRows<DeliveryRow>(
      manager,
      `UPDATE deliveries SET status = 'pending', next_attempt_at = now()
       WHERE tenant_id = $1 AND endpoint_id = $2 AND id = $3 RETURNING *`,
      [tenantId, endpointId, id],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Newest first; the cursor is the sequence number of the last row. */
  async page(
    manager: EntityManager,
    tenantId: string,
    endpointId: string,
    filter: { status?: WebhookDeliveryStatus; eventType?: string; after: CursorPosition | null; limit: number },
  ): Promise<Page<WebhookDeliveryView>> {
    const rows = await queryRows<DeliveryRow>(
      manager,
      `SELECT * FROM deliveries
       WHERE tenant_id = $1 AND endpoint_id = $2
         AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR event_type = $4)
         AND ($5::bigint IS NULL OR seq < $5)
       ORDER BY seq DESC LIMIT $6`,
      [tenantId, endpointId, filter.status ?? null, filter.eventType ?? null, filter.after?.key ?? null, filter.limit + 1],
    );
    const page = toPage(rows, filter.limit, (row) => ({ key: row.seq, id: row.id }));
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }

  /** Deliveries waiting per endpoint state, for the queue-depth gauge. */
  async pendingByState(manager: EntityManager): Promise<Array<{ state: 'active' | 'inactive'; count: number }>> {
    const rows = await queryRows<{ state: 'active' | 'inactive'; count: string }>(
      manager,
      `SELECT CASE WHEN e.active THEN 'active' ELSE 'inactive' END AS state, count(*) AS count
       FROM deliveries d JOIN endpoints e ON e.id = d.endpoint_id WHERE d.status = 'pending' GROUP BY 1`,
    );
    return rows.map((row) => ({ state: row.state, count: Number(row.count) }));
  }
}
