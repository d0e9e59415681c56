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

/** Workers per process; each holds a database connection while it waits for its receiver. */
const WORKERS = 6;
/**
 * At most this many workers send to one endpoint at a time, so a receiver that hangs leaves workers for the others;
 * each sends one claim of up to CLAIM_SIZE of the endpoint's due deliveries side by side (at most 12 requests in flight
 * to one receiver per process).
 */
const MAX_WORKERS_PER_ENDPOINT = 3;
/**
 * Under a backlog one transaction claims, sends and records this many at most, so a delivery costs a fraction of
 * one; a short queue is claimed a delivery at a time (the larger claim's second pass costs more than it saves).
 */
const CLAIM_SIZE = 4;
/** Claims in a row that found work, by any worker, after which the queue counts as a backlog. */
const BACKLOG_STREAK = 2;
/** How often an idle worker looks for due retries when nothing woke it. */
const POLL_INTERVAL_MS = 250;

/**
 * Sends due deliveries. Each claim runs in a transaction holding its delivery rows with FOR UPDATE SKIP LOCKED,
 * so any number of replicas share the queue and never send the same delivery at the same time; a process that
 * dies mid-attempt releases the rows and the attempts are made again (at least once, same `webhook-id`). A claim
 * is of one endpoint and never holds two deliveries of one subject (delivery.repository.ts `claimDue`), so sending
 * its deliveries side by side keeps each order's changes in order.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private readonly schedule: RetrySchedule;
  private readonly policy: TargetAddressPolicy;
  private readonly inFlight = new Map<string, number>();
  /** Claims in a row that found work; an empty one with no endpoint passed over resets it. */
  private streak = 0;
  private readonly workers = new PollingWorkers(DeliveryDispatcher.name, () => this.attemptClaim(), {
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

  /** Claims, sends and records one endpoint's due deliveries; false when none was due. */
  private attemptClaim(): Promise<boolean> {
    let claimedEndpoint: string | null = null;
    return this.dataSource
      .transaction(async (manager) => {
        const busy = [...this.inFlight].filter(([, count]) => count >= MAX_WORKERS_PER_ENDPOINT).map(([endpointId]) => endpointId);
        const claimed = await this.deliveries.claimDue(manager, busy, this.streak >= BACKLOG_STREAK ? CLAIM_SIZE : 1);
        // Nothing due while no endpoint was passed over as busy: the queue is short again.
        if (claimed.length === 0 && busy.length === 0) this.streak = 0;
        if (claimed.length === 0) return false;
        this.streak += 1;
        const endpointId = claimed[0]!.endpointId;
        claimedEndpoint = endpointId;
        this.inFlight.set(endpointId, (this.inFlight.get(endpointId) ?? 0) + 1);
        const outcomes = await Promise.all(
          claimed.map((delivery) => {
            const secrets = this.secrets.of(delivery.secret, delivery.previousSecret, delivery.previousSecretUntil);
            return sendWebhook(delivery.url, { id: delivery.eventId, body: delivery.body, secrets }, this.policy);
          }),
        );
        await this.record(manager, claimed, outcomes);
        return true;
      })
      .finally(() => {
        if (!claimedEndpoint) return;
        const left = (this.inFlight.get(claimedEndpoint) ?? 1) - 1;
        if (left > 0) this.inFlight.set(claimedEndpoint, left);
        else this.inFlight.delete(claimedEndpoint);
      });
  }

  /** The successes in one statement, then each failure (retried, failed for good, or the endpoint gone). */
  private async record(manager: EntityManager, claimed: ClaimedDelivery[], outcomes: SendOutcome[]): Promise<void> {
    const successes = claimed.flatMap((delivery, index) => {
      const { statusCode } = outcomes[index]!;
      return statusCode !== null && statusCode >= 200 && statusCode < 300 ? [{ id: delivery.id, statusCode }] : [];
    });
    await this.deliveries.markDelivered(manager, successes);
    for (const [index, delivery] of claimed.entries()) {
      const outcome = outcomes[index]!;
      if (successes.some((success) => success.id === delivery.id)) this.metrics.attempted('delivered', outcome.latencyMs);
      else await this.recordFailure(manager, delivery, outcome);
    }
  }

  private async recordFailure(manager: EntityManager, delivery: ClaimedDelivery, outcome: SendOutcome): Promise<void> {
    const { statusCode, error } = outcome;
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
