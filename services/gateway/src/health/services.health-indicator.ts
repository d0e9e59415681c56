import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { randomUUID } from 'node:crypto';
import { BusClient } from '@warden/messaging';
import { SERVICE_NAMES } from '@warden/contracts';

const PING_TIMEOUT_MS = 1500;

/** Ready only when every service answers its health subject over NATS (which also proves NATS is up). */
@Injectable()
export class ServicesHealthIndicator {
  constructor(
    private readonly bus: BusClient,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(): Promise<HealthIndicatorResult[]> {
    return Promise.all(
      SERVICE_NAMES.map(async (service) => {
        const indicator = this.indicators.check(service);
        try {
          await this.bus.request(`${service}.health`, { tenantId: '', actorId: null, requestId: randomUUID() }, {}, PING_TIMEOUT_MS);
          return indicator.up();
        } catch (error) {
          return indicator.down({ message: (error as Error).message });
        }
      }),
    );
  }
}
