import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { decodeCursor, DomainError, isUuid, newId } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { WEBHOOK_TEST_EVENT_TYPE } from '@warden/contracts';
import type {
  CloudEvent,
  WebhookDeliveryStatus,
  WebhookDeliveryView,
  WebhookEndpointChanges,
  WebhookEndpointInput,
  WebhookEndpointView,
  WebhookEndpointWithSecretView,
  WebhookTestResultView,
} from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import type { AuditValues } from '@warden/messaging';
import { INTEGRATIONS_ENV } from '../config/integrations.env';
import type { IntegrationsEnv } from '../config/integrations.env';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { DeliveryRepository } from './delivery.repository';
import { EndpointRepository, toEndpointView } from './endpoint.repository';
import type { EndpointRecord, EndpointRow } from './endpoint.repository';
import { eventTypeProblem, matchesEventTypes } from './event-type.filter';
import { SecretCipher } from './secret.cipher';
import { SigningSecrets } from './signing.secrets';
import { StreamReplayReader } from './stream-replay.reader';
import { TargetAddressPolicy } from './target-address.policy';
import { WebhookErrors } from './webhook.errors';
import { sendWebhook } from './webhook.sender';

/** After a rotation the old secret keeps signing (next to the new one) this long, so receivers can switch over. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3600 * 1000;
const DEFAULT_PAGE_SIZE = 50;

/**
 * Whether the product may call the address and publishes the event types. Their shape (text, at least one
 * event type, trimmed, a blank description as none) the request class has settled (libs/contracts/src/rpc/integrations.rpc.ts).
 */
function checkedRecord(input: WebhookEndpointInput, policy: TargetAddressPolicy): EndpointRecord {
  const urlProblem = policy.urlProblem(input.url);
  if (urlProblem) throw WebhookErrors.badUrl(urlProblem);
  input.eventTypes.forEach((pattern, index) => {
    const problem = eventTypeProblem(pattern);
    if (problem) throw WebhookErrors.badEventType(index, problem);
  });
  return { url: input.url, eventTypes: [...new Set(input.eventTypes)], description: input.description ?? null, active: input.active ?? true };
}

/** What the audit log shows of an endpoint (never its secret). */
function webhookValues(view: WebhookEndpointView): AuditValues {
  return { url: view.url, eventTypes: view.eventTypes, description: view.description, active: view.active };
}

@Injectable()
export class WebhooksService {
  private readonly policy: TargetAddressPolicy;

  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: EndpointRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly cipher: SecretCipher,
    private readonly secrets: SigningSecrets,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly stream: StreamReplayReader,
    private readonly audit: AuditRecorder,
    @Inject(INTEGRATIONS_ENV) env: IntegrationsEnv,
  ) {
    this.policy = new TargetAddressPolicy(env.allowPrivateTargets);
  }

  async list(tenantId: string): Promise<WebhookEndpointView[]> {
    return (await this.endpoints.list(this.dataSource.manager, tenantId)).map(toEndpointView);
  }

  async get(tenantId: string, endpointId: string): Promise<WebhookEndpointView> {
    return toEndpointView(await this.require(this.dataSource.manager, tenantId, endpointId));
  }

  async create(tenantId: string, input: WebhookEndpointInput): Promise<WebhookEndpointWithSecretView> {
    const record = checkedRecord(input, this.policy);
    const secret = SecretCipher.newSecret();
    const row = await this.dataSource.transaction(async (manager) => {
      const inserted = await this.endpoints.insert(manager, tenantId, newId(), record, this.cipher.encrypt(secret));
      await this.audit.record(manager, tenantId, { action: 'webhook.created', resource: { type: 'webhook', id: inserted.id }, before: null, after: webhookValues(toEndpointView(inserted)) });
      return inserted;
    });
    return { ...toEndpointView(row), secret };
  }

  async update(tenantId: string, endpointId: string, changes: WebhookEndpointChanges): Promise<WebhookEndpointView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const current = await this.require(manager, tenantId, endpointId, true);
      const record = checkedRecord(
        {
          url: changes.url ?? current.url,
          eventTypes: changes.eventTypes ?? current.event_types,
          description: changes.description === undefined ? current.description : changes.description,
          active: changes.active ?? current.active,
        },
        this.policy,
      );
      const updated = toEndpointView(await this.endpoints.update(manager, tenantId, endpointId, record));
      await this.audit.record(manager, tenantId, { action: 'webhook.updated', resource: { type: 'webhook', id: endpointId }, before: webhookValues(toEndpointView(current)), after: webhookValues(updated) });
      return updated;
    });
    if (view.active) this.dispatcher.wake();
    return view;
  }

  async delete(tenantId: string, endpointId: string): Promise<{ deleted: true }> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.require(manager, tenantId, endpointId, true);
      await this.endpoints.delete(manager, tenantId, endpointId);
      await this.audit.record(manager, tenantId, { action: 'webhook.deleted', resource: { type: 'webhook', id: endpointId }, before: webhookValues(toEndpointView(current)), after: null });
    });
    return { deleted: true };
  }

  async rotateSecret(tenantId: string, endpointId: string): Promise<WebhookEndpointWithSecretView> {
    const secret = SecretCipher.newSecret();
    const row = await this.dataSource.transaction(async (manager) => {
      await this.require(manager, tenantId, endpointId, true);
      return this.endpoints.rotateSecret(manager, tenantId, endpointId, this.cipher.encrypt(secret), new Date(Date.now() + PREVIOUS_SECRET_GRACE_MS));
    });
    return { ...toEndpointView(row), secret };
  }

  /** Sends a ping at once, outside the queue, and reports how the receiver answered. */
  async test(tenantId: string, endpointId: string): Promise<WebhookTestResultView> {
    const endpoint = await this.require(this.dataSource.manager, tenantId, endpointId);
    const now = new Date();
    const ping: CloudEvent<{ endpointId: string }> = {
      specversion: '1.0',
      id: newId(now.getTime()),
      source: '/warden/integrations',
      type: WEBHOOK_TEST_EVENT_TYPE,
      time: now.toISOString(),
      subject: endpoint.id,
      datacontenttype: 'application/json',
      tenantid: tenantId,
      data: { endpointId: endpoint.id },
    };
    const outcome = await sendWebhook(
      endpoint.url,
      { id: ping.id, body: JSON.stringify(ping), secrets: this.secrets.of(endpoint.secret, endpoint.previous_secret, endpoint.previous_secret_until) },
      this.policy,
    );
    return { statusCode: outcome.statusCode, latencyMs: outcome.latencyMs, error: outcome.error };
  }

  async listDeliveries(
    tenantId: string,
    endpointId: string,
    query: { status?: WebhookDeliveryStatus; eventType?: string; cursor?: string; limit?: number },
  ): Promise<Page<WebhookDeliveryView>> {
    const after = decodeCursor(query.cursor);
    if (after && !/^\d+$/.test(after.key)) throw DomainError.invalid('PAGINATION.BAD_CURSOR', 'cursor', 'is not a cursor returned by this API');
    await this.require(this.dataSource.manager, tenantId, endpointId);
    return this.deliveries.page(this.dataSource.manager, tenantId, endpointId, { status: query.status, eventType: query.eventType, after, limit: query.limit ?? DEFAULT_PAGE_SIZE });
  }

  async redeliver(tenantId: string, endpointId: string, deliveryId: string): Promise<WebhookDeliveryView> {
    await this.require(this.dataSource.manager, tenantId, endpointId);
    const delivery = await this.deliveries.requeue(this.dataSource.manager, tenantId, endpointId, deliveryId);
    if (!delivery) throw WebhookErrors.deliveryNotFound();
    this.dispatcher.wake();
    return delivery;
  }

  /**
   * Queues again every event of the tenant since `since` that the endpoint subscribes to, with the same ids: read
   * from the stream (as far back as it keeps events), plus any kept copy the stream no longer has.
   */
  async replay(tenantId: string, endpointId: string, since: string): Promise<{ replayed: number }> {
    const endpoint = await this.require(this.dataSource.manager, tenantId, endpointId);
    const from = await this.sinceInstant(this.dataSource.manager, tenantId, since);
    const fromStream = await this.stream.eventsSince(tenantId, from);
    const replayed = await this.dataSource.transaction(async (manager) => {
      const kept = await this.deliveries.eventsSince(manager, tenantId, from);
      const events = new Map([...kept, ...fromStream].map((event) => [event.id, event]));
      // In stream order, as they were published.
      const ordered = [...events.values()].sort((a, b) => a.streamSeq - b.streamSeq);
      let count = 0;
      for (const event of ordered) {
        if (!matchesEventTypes(endpoint.event_types, event.type)) continue;
        await this.deliveries.storeEvent(manager, event);
        count += await this.deliveries.enqueue(manager, tenantId, [endpoint.id], event, true);
      }
      return count;
    });
    this.dispatcher.wake();
    return { replayed };
  }

  private async sinceInstant(manager: EntityManager, tenantId: string, since: string): Promise<Date> {
    if (isUuid(since)) {
      const time = await this.deliveries.eventTime(manager, tenantId, since);
      if (!time) throw WebhookErrors.badSince();
      return time;
    }
    const instant = new Date(since);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(since) || Number.isNaN(instant.getTime())) throw WebhookErrors.badSince();
    return instant;
  }

  private async require(manager: EntityManager, tenantId: string, endpointId: string, lock = false): Promise<EndpointRow> {
    const endpoint = await this.endpoints.find(manager, tenantId, endpointId, lock);
    if (!endpoint) throw WebhookErrors.notFound();
    return endpoint;
  }
}
