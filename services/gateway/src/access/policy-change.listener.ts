import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { NATS_CONNECTION, subscribeToPolicyChanges } from '@warden/messaging';
import { DecisionCache } from './decision.cache';
import { DECISION_CACHE } from './access.service';
import { PolicyAnnouncements } from './policy-announcements';

/** Drops cached decisions when the permissions service (any replica) announces a policy change, and notes the announcement. */
@Injectable()
export class PolicyChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | null = null;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(DECISION_CACHE) private readonly cache: DecisionCache,
    private readonly announcements: PolicyAnnouncements,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = subscribeToPolicyChanges(this.nats, (notice) => {
      this.cache.invalidate(notice.tenantId, notice.affectedPersonIds, notice.policyVersion);
      this.announcements.record(notice.tenantId, notice.policyVersion);
    });
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }
}
