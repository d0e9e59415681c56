import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { NATS_CONNECTION, subscribeToPolicyChanges } from '@warden/messaging';
import { FactsCache } from './facts.cache';

/** Drops cached facts when another replica announces a policy change (this one's own commits already did). */
@Injectable()
export class PolicyChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | null = null;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly cache: FactsCache,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = subscribeToPolicyChanges(this.nats, (notice) =>
      this.cache.invalidate(notice.tenantId, notice.affectedPersonIds, notice.policyVersion),
    );
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }
}
