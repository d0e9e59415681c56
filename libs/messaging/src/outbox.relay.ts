import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { MESSAGING_OPTIONS, NATS_CONNECTION } from './messaging.options';
import type { MessagingOptions } from './messaging.options';
import { MessagingMetrics } from './messaging.metrics';
import { onOutboxCommit } from './outbox.commits';
import { contextFromTraceparent, wardenTracer } from './trace-context';

const BATCH_SIZE = 100;
const LOCK_RETRY_MS = 20;
/**
 * One relay of a service's replicas publishes at a time: with two side by side (SKIP LOCKED), the second took the
 * next batch while the first was publishing its own, interleaving them on the stream, so consumers and webhook
 * endpoints got an order's events out of order. A replica that finds the lock taken tries again shortly
 * (LOCK_RETRY_MS): the holder may have read its last batch before this replica's rows were committed.
 */
const RELAY_LOCK_SQL = `SELECT pg_try_advisory_xact_lock(hashtextextended('warden.outbox.' || $1, 0)) AS relaying`;

interface OutboxRow {
  id: string;
  subject: string;
  type: string;
  event: unknown;
}

/**
 * Publishes committed outbox rows to JetStream, oldest first, each with `Nats-Msg-Id` = event id so a
 * row published twice (crash after publish, before marking) is stored once. Wakes when a transaction of
 * this process that wrote rows commits (libs/messaging/src/outbox.commits.ts) and also polls, so a lost wake-up
 * or a broker outage only delays events. Every replica runs one;
 * a transaction-scoped advisory lock lets one publish at a time, so the stream keeps the outbox's order.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private stopListening: (() => void) | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private running = false;
  private draining: Promise<void> | null = null;
  private drainAgain = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly metrics: MessagingMetrics = MessagingMetrics.detached(),
  ) {
    metrics.countPendingWith(() => this.pending());
  }

  onApplicationBootstrap(): void {
    if (process.env.OUTBOX_RELAY === 'off') {
      this.logger.warn('Outbox relay disabled by OUTBOX_RELAY=off');
      return;
    }
    this.start();
  }

  /** Before the data source closes (its own shutdown hook), so no query runs on a closed pool. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopListening = onOutboxCommit(this.dataSource, this.options.service, () => void this.wake());
    this.pollTimer = setInterval(() => this.wake(), this.options.outboxPollIntervalMs ?? 1000);
    this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    this.stopListening?.();
    this.stopListening = null;
    await this.draining;
  }

  /** Publishes everything unsent now; resolves when the outbox is empty or publishing failed. */
  wake(): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.logger.warn(`Outbox not drained, will retry: ${String(error)}`))
      .finally(() => {
        this.draining = null;
        if (this.drainAgain && this.running) {
          this.drainAgain = false;
          void this.wake();
        }
      });
    return this.draining;
  }

  /** Rows not yet published (by any replica). */
  async pending(): Promise<number> {
    const [row] = (await this.dataSource.query('SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL')) as Array<{
      pending: number;
    }>;
    return row?.pending ?? 0;
  }

  private async drain(): Promise<void> {
    if (this.nats.isClosed()) return;
    const client = jetstream(this.nats);
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const [lock] = (await manager.query(RELAY_LOCK_SQL, [this.options.service])) as Array<{ relaying: boolean }>;
        if (!lock?.relaying) return null;
        // SKIP LOCKED kept: during a rolling update a relay of the previous release (no lock) is never waited for.
        const rows: OutboxRow[] = await manager.query(
          `SELECT id, subject, type, event FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ${BATCH_SIZE} FOR UPDATE SKIP LOCKED`,
        );
        // The whole batch goes out before the first acknowledgement is awaited: one connection sends in order, so
        // the stream keeps the outbox's order, and a batch costs one broker round trip instead of one per row.
        const acks = await Promise.allSettled(
          rows.map((row) =>
            publishInTrace(row, () => client.publish(row.subject, JSON.stringify(row.event), { msgID: row.id, timeout: 5000 })),
          ),
        );
        // Only the rows before the first refusal are marked; the rest are published again on the next drain, and any
        // of them the broker did store is dropped there as a repeat (Nats-Msg-Id). A refusal is a broker outage or a
        // timeout, which the rows after it meet as well; one stored past a refused row would precede it on the stream.
        const failed = acks.findIndex((ack) => ack.status === 'rejected');
        const published = failed === -1 ? rows : rows.slice(0, failed);
        if (published.length > 0) {
          await manager.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])', [published.map((row) => row.id)]);
        }
        return { published, failure: failed === -1 ? null : (acks[failed] as PromiseRejectedResult).reason };
      });
      // Another replica is publishing; this one's rows may have come after its last batch.
      if (batch === null) {
        setTimeout(() => void this.wake(), LOCK_RETRY_MS).unref();
        return;
      }
      // Counted once marked: a batch whose marking failed is published again (the broker drops the repeats).
      for (const row of batch.published) this.metrics.published(row.type);
      if (batch.failure !== null) throw batch.failure;
      if (batch.published.length < BATCH_SIZE || !this.running) return;
    }
  }
}

/**
 * The publication of one event as a span of the trace that wrote it (the event's `traceparent` extension), so a
 * trace shows how long the change waited in the outbox; consumers stay children of the writer. No-op untraced.
 */
async function publishInTrace<T>(row: OutboxRow, publish: () => Promise<T>): Promise<T> {
  const traceparent = (row.event as { traceparent?: unknown }).traceparent;
  if (typeof traceparent !== 'string') return publish();
  const span = wardenTracer().startSpan(
    `publish ${row.type}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: { 'messaging.system': 'nats', 'messaging.destination.name': row.subject, 'cloudevents.event_id': row.id },
    },
    contextFromTraceparent(traceparent),
  );
  try {
    return await publish();
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
    throw error;
  } finally {
    span.end();
  }
}
