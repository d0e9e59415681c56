import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IDENTITY_ENV } from '../config/identity.env';
import type { IdentityEnv } from '../config/identity.env';
import { PresenceTracker } from './presence.tracker';

/**
 * Marks people offline whose heartbeats stopped. Runs in every replica; the single UPDATE makes
 * concurrent sweeps harmless (a row goes offline, with its event, exactly once).
 */
@Injectable()
export class PresenceSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PresenceSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly presence: PresenceTracker,
    @Inject(IDENTITY_ENV) private readonly env: IdentityEnv,
  ) {}

  onApplicationBootstrap(): void {
    const intervalMs = Math.max(1000, Math.floor((this.env.PRESENCE_TIMEOUT_SECONDS * 1000) / 3));
    this.timer = setInterval(() => {
      this.running = this.sweep().catch((error: unknown) => this.logger.warn(`Presence sweep failed: ${String(error)}`));
    }, intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  sweep(): Promise<number> {
    return this.dataSource.transaction((manager) => this.presence.sweep(manager, this.env.PRESENCE_TIMEOUT_SECONDS));
  }
}
