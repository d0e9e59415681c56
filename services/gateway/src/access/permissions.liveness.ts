import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@warden/kernel';
import { BusClient } from '@warden/messaging';

const PING_INTERVAL_MS = 1000;
const PING_TIMEOUT_MS = 800;
/** How long a cached decision may be served after the permissions service last answered. */
const ALIVE_FOR_MS = 3000;

/**
 * Knows whether the permissions service answered recently, from its answers and a background ping,
 * so cached decisions stop being served within seconds of it going away (fail closed) while the
 * hot path never waits for a ping.
 */
@Injectable()
export class PermissionsLiveness implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PermissionsLiveness.name);
  private lastAnswerAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly bus: BusClient) {}

  onApplicationBootstrap(): void {
    void this.ping();
    this.timer = setInterval(() => void this.ping(), PING_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  answered(now = Date.now()): void {
    this.lastAnswerAt = now;
  }

  assertAlive(now = Date.now()): void {
    if (now - this.lastAnswerAt <= ALIVE_FOR_MS) return;
    throw new DomainError('BUS.UNAVAILABLE', 'unavailable', 'The permissions service is not available', undefined, {
      service: 'permissions',
    });
  }

  private async ping(): Promise<void> {
    try {
      await this.bus.request('permissions.health', { tenantId: '', actorId: null, requestId: randomUUID() }, {}, PING_TIMEOUT_MS);
      this.answered();
    } catch {
      if (Date.now() - this.lastAnswerAt > ALIVE_FOR_MS && this.lastAnswerAt !== 0)
        this.logger.warn('The permissions service stopped answering');
    }
  }
}
