import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { NATS_CONNECTION } from '@warden/messaging';
import { eventSubject, isCloudEvent, PolicyChangedV1 } from '@warden/contracts';
import { FactsCache } from './facts.cache';

/**
 * Drops cached facts when any replica of this service announces a policy change (its own commits
 * already dropped them here). A plain subscription is enough: dropping is idempotent and a missed
 * event is bounded by the cache's TTL.
 */
@Injectable()
export class PolicyChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PolicyChangeListener.name);
  private subscription: Subscription | null = null;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly cache: FactsCache,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.nats.subscribe(eventSubject(PolicyChangedV1.type), {
      callback: (error, message) => {
        if (error) return this.logger.warn(`Policy-change subscription: ${error.message}`);
        try {
          const event: unknown = message.json();
          if (!isCloudEvent(event)) return;
          const data = event.data as Partial<PolicyChangedV1>;
          this.cache.invalidate(
            event.tenantid,
            Array.isArray(data.affectedPersonIds) ? data.affectedPersonIds : null,
            typeof data.policyVersion === 'number' ? data.policyVersion : 0,
          );
        } catch {
          this.logger.warn('Ignoring a policy-change message that is not JSON');
        }
      },
    });
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }
}
