import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { NATS_CONNECTION, subscribeToPolicyChanges } from '@warden/messaging';
import { DecisionCache } from './decision.cache';
import { DECISION_CACHE } from './access.service';

/** Drops cached decisions when the permissions service (any replica) announces a policy change. */
@Injectable()
export class PolicyChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | null = null;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(DECISION_CACHE) private readonly cache: DecisionCache,
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
