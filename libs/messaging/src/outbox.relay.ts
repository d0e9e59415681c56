import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { MESSAGING_OPTIONS, NATS_CONNECTION } from './messaging.options';
import type { MessagingOptions } from './messaging.options';
import { MessagingMetrics } from './messaging.metrics';
import { outboxChannel } from './messaging.tables';
import { contextFromTraceparent, wardenTracer } from './trace-context';

const BATCH_SIZE = 100;
/**
 * One relay of a service's replicas publishes at a time: with two side by side (SKIP LOCKED), the second took the
 * next batch while the first was publishing its own, interleaving them on the stream, so consumers and webhook
 * endpoints got an order's events out of order. A replica that finds the lock taken leaves the outbox to the
 * holder, which drains it and wakes again on NOTIFY (and the poll takes over if the holder dies).
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
 * row published twice (crash after publish, before marking) is stored once. Wakes on LISTEN/NOTIFY
 * and also polls, so a lost notification or a broker outage only delays events. Every replica runs one;
 * a transaction-scoped advisory lock lets one publish at a time, so the stream keeps the outbox's order.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: Client | null = null;
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
    void this.listen();
    this.pollTimer = setInterval(() => this.wake(), this.options.outboxPollIntervalMs ?? 1000);
    this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
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
    const [row] = (await this.dataSource.query('SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL')) as Array<{ pending: number }>;
    return row?.pending ?? 0;
  }

  private async drain(): Promise<void> {
    if (this.nats.isClosed()) return;
    const client = jetstream(this.nats);
    for (;;) {
      const published = await this.dataSource.transaction(async (manager) => {
        const [lock] = (await manager.query(RELAY_LOCK_SQL, [this.options.service])) as Array<{ relaying: boolean }>;
        if (!lock?.relaying) return null;
        // SKIP LOCKED kept: during a rolling update a relay of the previous release (no lock) is never waited for.
        const rows: OutboxRow[] = await manager.query(
          `SELECT id, subject, type, event FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ${BATCH_SIZE} FOR UPDATE SKIP LOCKED`,
        );
        for (const row of rows) {
          await publishInTrace(row, () => client.publish(row.subject, JSON.stringify(row.event), { msgID: row.id, timeout: 5000 }));
        }
        if (rows.length > 0) {
          await manager.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])', [rows.map((row) => row.id)]);
        }
        return rows;
      });
      // Another replica is publishing; it drains what is left.
      if (published === null) return;
      // Counted once marked: a batch whose marking failed is published again (the broker drops the repeats).
      for (const row of published) this.metrics.published(row.type);
      if (published.length < BATCH_SIZE || !this.running) return;
    }
  }

  private async listen(): Promise<void> {
    while (this.running && !this.listener) {
      const client = new Client({ connectionString: (this.dataSource.options as { url?: string }).url });
      try {
        await client.connect();
        client.on('notification', () => void this.wake());
        client.on('error', (error) => {
          this.logger.warn(`Outbox listener lost (${error.message}); polling until it reconnects`);
          if (this.listener === client) this.listener = null;
          void client.end().catch(() => undefined);
          setTimeout(() => void this.listen(), 1000);
        });
        await client.query(`LISTEN "${outboxChannel(this.options.service)}"`);
        this.listener = client;
        if (!this.running) await this.stop();
      } catch (error) {
        await client.end().catch(() => undefined);
        this.logger.warn(`Outbox listener could not connect (${String(error)}); retrying`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
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
    { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'nats', 'messaging.destination.name': row.subject, 'cloudevents.event_id': row.id } },
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
