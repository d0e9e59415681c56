import { Logger } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { MetricsRegistry } from '@warden/metrics';

/** How a consumer dealt with one event: applied, already applied (redelivery), refused by its contract, or failed (redelivered). */
export type EventOutcome = 'ok' | 'duplicate' | 'invalid' | 'error';

/**
 * The outbox and inbox instruments of one service: `warden_outbox_pending` (read on scrape),
 * `warden_events_published_total{type}` and `warden_events_handled_total{type,outcome}`. Event types
 * come from the contracts registry, a fixed set.
 */
export class MessagingMetrics {
  private readonly logger = new Logger(MessagingMetrics.name);
  private readonly publishedTotal: Counter<'type'>;
  private readonly handledTotal: Counter<'type' | 'outcome'>;
  private pendingCount: (() => Promise<number>) | null = null;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.publishedTotal = new Counter({
      name: 'warden_events_published_total',
      help: 'Events published from the outbox, by type',
      labelNames: ['type'],
      registers,
    });
    this.handledTotal = new Counter({
      name: 'warden_events_handled_total',
      help: "Events taken by this service's consumers, by type and outcome (ok, duplicate, invalid, error)",
      labelNames: ['type', 'outcome'],
      registers,
    });
    const pending: Gauge = new Gauge({
      name: 'warden_outbox_pending',
      help: 'Outbox rows not yet published (read from the database at scrape time)',
      registers,
      collect: async () => {
        if (!this.pendingCount) return;
        try {
          pending.set(await this.pendingCount());
        } catch (error) {
          // A scrape while the database is away keeps the last value rather than failing every metric.
          this.logger.warn(`Outbox size unknown: ${String(error)}`);
        }
      },
    });
  }

  /** Without an application registry (a relay or subscriber built by hand): counts go nowhere. */
  static detached(): MessagingMetrics {
    return new MessagingMetrics(new MetricsRegistry('detached'));
  }

  /** Where the pending gauge reads its value. */
  countPendingWith(count: () => Promise<number>): void {
    this.pendingCount = count;
  }

  published(type: string, count = 1): void {
    this.publishedTotal.inc({ type }, count);
  }

  handled(type: string, outcome: EventOutcome): void {
    this.handledTotal.inc({ type, outcome });
  }
}
