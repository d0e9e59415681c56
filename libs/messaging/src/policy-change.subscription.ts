import { Logger } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { eventSubject, isCloudEvent, PolicyChangedV1 } from '@warden/contracts';

export interface PolicyChangeNotice {
  tenantId: string;
  /** null: anyone in the tenant may be affected. */
  affectedPersonIds: string[] | null;
  policyVersion: number;
}

const logger = new Logger('PolicyChangeSubscription');

/**
 * A plain (non-durable) subscription to `permissions.policy.changed.v1` for caches of decisions or
 * facts: dropping cache entries is idempotent, and a missed notice is bounded by the cache's TTL,
 * so neither an inbox nor a durable consumer is needed.
 */
export function subscribeToPolicyChanges(nats: NatsConnection, onChange: (notice: PolicyChangeNotice) => void): Subscription {
  return nats.subscribe(eventSubject(PolicyChangedV1.type), {
    callback: (error, message) => {
      if (error) return logger.warn(`Policy-change subscription: ${error.message}`);
      try {
        const event: unknown = message.json();
        if (!isCloudEvent(event)) return;
        const data = event.data as Partial<PolicyChangedV1>;
        onChange({
          tenantId: event.tenantid,
          affectedPersonIds: Array.isArray(data.affectedPersonIds) ? data.affectedPersonIds : null,
          policyVersion: typeof data.policyVersion === 'number' ? data.policyVersion : 0,
        });
      } catch {
        logger.warn('Ignoring a policy-change message that is not JSON');
      }
    },
  });
}
