import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PollingWorkers } from '@warden/service-kit';
import type { EntityManager } from 'typeorm';
import { EventBus } from '@nestjs/cqrs';
import type { OutgoingEvent } from '@warden/contracts';
import { INTEGRATIONS_ENV } from '../config/integrations.env';
import type { IntegrationsEnv } from '../config/integrations.env';
import { DeliveryRepository } from './delivery.repository';
import type { ClaimedDelivery } from './delivery.repository';
import { EndpointRepository } from './endpoint.repository';
import { RetrySchedule } from './retry.schedule';
import { SigningSecrets } from './signing.secrets';
import { TargetAddressPolicy } from './target-address.policy';
import { webhookDisabled } from './webhook.events';
import { WebhookMetrics } from './webhook.metrics';
import { sendWebhook } from './webhook.sender';
import type { SendOutcome } from './webhook.sender';

/** Deliveries in flight at once per process; each one holds a database connection while it waits for its receiver. */
const WORKERS = 6;
/** At most this many of them to one endpoint, so a receiver that hangs leaves workers for the others. */
const MAX_IN_FLIGHT_PER_ENDPOINT = 3;
/** How often an idle worker looks for due retries when nothing woke it. */
const POLL_INTERVAL_MS = 250;

/**
 * Sends due deliveries. Each attempt runs in a transaction holding its delivery row with FOR UPDATE SKIP LOCKED,
 * so any number of replicas share the queue and never send the same delivery at the same time; a process that
 * dies mid-attempt releases the row and the attempt is made again (at least once, same `webhook-id`).
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private readonly schedule: RetrySchedule;
  private readonly policy: TargetAddressPolicy;
  private readonly inFlight = new Map<string, number>();
  private readonly workers = new PollingWorkers(DeliveryDispatcher.name, () => this.attemptOne(), {
    workers: WORKERS,
    pollIntervalMs: POLL_INTERVAL_MS,
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly endpoints: EndpointRepository,
    private readonly secrets: SigningSecrets,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly metrics: WebhookMetrics,
    @Inject(INTEGRATIONS_ENV) env: IntegrationsEnv,
  ) {
    this.schedule = RetrySchedule.parse(env.WEBHOOK_RETRY_SCHEDULE);
    this.policy = new TargetAddressPolicy(env.allowPrivateTargets);
  }

  onApplicationBootstrap(): void {
    this.metrics.countPendingWith(() => this.deliveries.pendingByState(this.dataSource.manager));
    this.workers.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.workers.stop();
  }

  /** New work is queued (`count` deliveries, if known): idle workers look at once instead of at their next poll. */
  wake(count?: number): void {
    this.workers.wake(count);
  }

  /** Claims, sends and records one due delivery; false when none was due. */
  private attemptOne(): Promise<boolean> {
    let claimedEndpoint: string | null = null;
    return this.dataSource
      .transaction(async (manager) => {
        const full = [...this.inFlight].filter(([, count]) => count >= MAX_IN_FLIGHT_PER_ENDPOINT).map(([endpointId]) => endpointId);
        const delivery = await this.deliveries.claimDue(manager, full);
        if (!delivery) return false;
        claimedEndpoint = delivery.endpointId;
        this.inFlight.set(delivery.endpointId, (this.inFlight.get(delivery.endpointId) ?? 0) + 1);
        const secrets = this.secrets.of(delivery.secret, delivery.previousSecret, delivery.previousSecretUntil);
        const outcome = await sendWebhook(delivery.url, { id: delivery.eventId, body: delivery.body, secrets }, this.policy);
        await this.record(manager, delivery, outcome);
        return true;
      })
      .finally(() => {
        if (!claimedEndpoint) return;
        const left = (this.inFlight.get(claimedEndpoint) ?? 1) - 1;
        if (left > 0) this.inFlight.set(claimedEndpoint, left);
        else this.inFlight.delete(claimedEndpoint);
      });
  }

  private async record(manager: EntityManager, delivery: ClaimedDelivery, outcome: SendOutcome): Promise<void> {
    const { statusCode, error } = outcome;
    if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
      await this.deliveries.markDelivered(manager, delivery.id, statusCode);
      this.metrics.attempted('delivered', outcome.latencyMs);
      return;
    }
    const reason = error ?? `receiver answered ${statusCode}`;
    if (statusCode === 410) {
      await this.deliveries.markFailed(manager, delivery.id, statusCode, reason, null);
      await this.disable(manager, delivery, 'the receiver answered 410 Gone');
      this.metrics.attempted('gone', outcome.latencyMs);
      return;
    }
    const retryInMs = this.schedule.nextDelayMs(delivery.attempts + 1);
    await this.deliveries.markFailed(manager, delivery.id, statusCode, reason, retryInMs);
    this.metrics.attempted(retryInMs === null ? 'failed' : 'retry', outcome.latencyMs);
    const failingSince = await this.endpoints.recordFailure(manager, delivery.endpointId);
    // Judged when a delivery has used up its retries: it then failed for the whole schedule, and if the endpoint had
    // no success meanwhile either, it is disabled. (Judging at any failure disabled an endpoint mid-schedule whenever
    // attempts ran late, leaving its delivery pending with retries unused.)
    if (retryInMs === null && Date.now() - failingSince.getTime() >= this.schedule.shortestWindowMs) {
      await this.disable(manager, delivery, `no successful delivery since ${failingSince.toISOString()} (the whole retry window)`);
    }
  }

  private async disable(manager: EntityManager, delivery: ClaimedDelivery, reason: string): Promise<void> {
    const rows: Array<{ tenant_id: string }> = await manager.query('SELECT tenant_id FROM endpoints WHERE id = $1', [delivery.endpointId]);
    if (!(await this.endpoints.disable(manager, delivery.endpointId, reason))) return;
    this.logger.warn(`Webhook endpoint ${delivery.endpointId} disabled: ${reason}`);
    await this.events.publish(webhookDisabled(rows[0]!.tenant_id, delivery.endpointId, delivery.url, reason), manager);
  }
}
