import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '@warden/service-kit';
import { INTEGRATIONS_ENV } from '../config/integrations.env';
import type { IntegrationsEnv } from '../config/integrations.env';
import { AuditEntriesRepository } from './audit-entries.repository';

const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
const PRUNE_BATCH = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Entries older than AUDIT_RETENTION_DAYS go, hourly (and once at start-up), in short batches; nothing else deletes them. */
@Injectable()
export class AuditRetentionTask implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task = new PeriodicTask('AuditRetention', () => this.prune());
  private first: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly entries: AuditEntriesRepository,
    @Inject(INTEGRATIONS_ENV) private readonly env: IntegrationsEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.first = this.prune().catch(() => undefined); // the hourly runs log their failures
    this.task.start(PRUNE_INTERVAL_MS);
  }

  /** Before the data source closes (its own shutdown hook). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.first;
    await this.task.stop();
  }

  /** Deletes what is past the retention; how many entries went. */
  async prune(now: Date = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.env.AUDIT_RETENTION_DAYS * DAY_MS);
    let total = 0;
    for (;;) {
      const removed = await this.entries.pruneOlderThan(this.dataSource.manager, before, PRUNE_BATCH);
      total += removed;
      if (removed < PRUNE_BATCH) return total;
    }
  }
}
