import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '@warden/service-kit';
import { IDENTITY_ENV } from '../config/identity.env';
import type { IdentityEnv } from '../config/identity.env';
import { PresenceTracker } from './presence.tracker';

/**
 * Marks people offline whose heartbeats stopped. Runs in every replica; the single UPDATE makes
 * concurrent sweeps harmless (a row goes offline, with its event, exactly once).
 */
@Injectable()
export class PresenceSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timer = new PeriodicTask('Presence sweep', () => this.sweep());

  constructor(
    private readonly dataSource: DataSource,
    private readonly presence: PresenceTracker,
    @Inject(IDENTITY_ENV) private readonly env: IdentityEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.timer.start(Math.max(1000, Math.floor((this.env.PRESENCE_TIMEOUT_SECONDS * 1000) / 3)));
  }

  onApplicationShutdown(): Promise<void> {
    return this.timer.stop();
  }

  sweep(): Promise<number> {
    return this.dataSource.transaction((manager) => this.presence.sweep(manager, this.env.PRESENCE_TIMEOUT_SECONDS));
  }
}
