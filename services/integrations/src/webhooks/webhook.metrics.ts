import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { MetricsRegistry } from '@warden/metrics';

export type DeliveryOutcome = 'delivered' | 'retry' | 'failed' | 'gone';

/**
 * `warden_webhook_deliveries_total{outcome}`, `warden_webhook_attempt_seconds` and
 * `warden_webhook_pending{endpoint_state}` (read from the database at scrape time).
 */
@Injectable()
export class WebhookMetrics {
  private readonly attempts: Counter<'outcome'>;
  private readonly latency: Histogram;
  private pendingSource: (() => Promise<Array<{ state: string; count: number }>>) | null = null;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.attempts = new Counter({
      name: 'warden_webhook_deliveries_total',
      help: 'Webhook delivery attempts by outcome (delivered, retry, failed, gone)',
      labelNames: ['outcome'],
      registers,
    });
    this.latency = new Histogram({
      name: 'warden_webhook_attempt_seconds',
      help: 'Time from connecting to a webhook receiver to its answer',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    const pending: Gauge<'endpoint_state'> = new Gauge({
      name: 'warden_webhook_pending',
      help: 'Deliveries waiting, by the state of their endpoint (active, inactive)',
      labelNames: ['endpoint_state'],
      registers,
      collect: async () => {
        if (!this.pendingSource) return;
        const counts = await this.pendingSource().catch(() => null);
        if (!counts) return;
        pending.reset();
        for (const state of ['active', 'inactive'])
          pending.set({ endpoint_state: state }, counts.find((row) => row.state === state)?.count ?? 0);
      },
    });
  }

  attempted(outcome: DeliveryOutcome, latencyMs: number): void {
    this.attempts.inc({ outcome });
    this.latency.observe(latencyMs / 1000);
  }

  countPendingWith(source: () => Promise<Array<{ state: string; count: number }>>): void {
    this.pendingSource = source;
  }
}
