import { Inject, Injectable } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '@warden/service-kit';
import { INTEGRATIONS_ENV } from '../config/integrations.env';
import type { IntegrationsEnv } from '../config/integrations.env';
import { parseDuration } from './retry.schedule';

const PRUNE_INTERVAL_MS = 3_600_000;
/** Rows deleted per statement, so a large backlog never holds long locks. */
const BATCH = 1000;

/**
 * Keeps the delivery log to WEBHOOK_LOG_RETENTION (30 days by default, as long as the stream keeps events):
 * finished deliveries older than that go, then the kept copies of events no remaining delivery refers to.
 * Pending deliveries are never removed, whatever their age. Every replica may run it: the deletes are idempotent.
 */
@Injectable()
export class DeliveryLogPruner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task = new PeriodicTask(DeliveryLogPruner.name, () => this.prune());
  private readonly retentionMs: number;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(INTEGRATIONS_ENV) env: IntegrationsEnv,
  ) {
    this.retentionMs = parseDuration(env.WEBHOOK_LOG_RETENTION);
  }

  onApplicationBootstrap(): void {
    this.task.start(PRUNE_INTERVAL_MS);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Deletes what is older than the retention at `now`; answers how many deliveries and events went. */
  async prune(now: Date = new Date()): Promise<{ deliveries: number; events: number }> {
    const cutoff = new Date(now.getTime() - this.retentionMs);
    const deliveries = await this.deleteInBatches(
      `DELETE FROM deliveries WHERE id IN (
         SELECT id FROM deliveries WHERE status <> 'pending' AND created_at < $1 LIMIT ${BATCH})`,
      cutoff,
    );
    const events = await this.deleteInBatches(
      `DELETE FROM events WHERE event_id IN (
         SELECT e.event_id FROM events e
         WHERE e.received_at < $1 AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.event_id)
         LIMIT ${BATCH})`,
      cutoff,
    );
    return { deliveries, events };
  }

  private async deleteInBatches(statement: string, cutoff: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = (await this.dataSource.query(statement, [cutoff])) as [unknown, number];
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }
}
