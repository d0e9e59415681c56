import type { Page } from '@warden/kernel';

export interface WebhookEndpointView {
  id: string;
  url: string;
  /** Exact event types, or prefixes ending in `*` (`workflow.order.*`). */
  eventTypes: string[];
  description: string | null;
  active: boolean;
  /** Why the product turned the endpoint off; null while active or when an administrator turned it off. */
  disabledReason: string | null;
  createdAt: string;
}

/** Only the answers to creation and rotation carry the signing secret. */
export interface WebhookEndpointWithSecretView extends WebhookEndpointView {
  secret: string;
}

export interface WebhookEndpointInput {
  url: string;
  eventTypes: string[];
  description?: string | null;
  active?: boolean;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';
export const WEBHOOK_DELIVERY_STATUSES: readonly WebhookDeliveryStatus[] = ['pending', 'delivered', 'failed'];

export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

export interface WebhookTestResultView {
  /** The receiver's HTTP status; null when no answer came (refused, timed out, unreachable). */
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

export interface IntegrationsRpc {
  'integrations.webhooks.list': { request: Record<string, never>; response: WebhookEndpointView[] };
  'integrations.webhooks.get': { request: { endpointId: string }; response: WebhookEndpointView };
  'integrations.webhooks.create': { request: WebhookEndpointInput; response: WebhookEndpointWithSecretView };
  'integrations.webhooks.update': { request: { endpointId: string; changes: Partial<WebhookEndpointInput> }; response: WebhookEndpointView };
  'integrations.webhooks.delete': { request: { endpointId: string }; response: { deleted: true } };
  'integrations.webhooks.rotate-secret': { request: { endpointId: string }; response: WebhookEndpointWithSecretView };
  'integrations.webhooks.test': { request: { endpointId: string }; response: WebhookTestResultView };
  'integrations.deliveries.list': {
    request: { endpointId: string; status?: WebhookDeliveryStatus; eventType?: string; cursor?: string; limit?: number };
    response: Page<WebhookDeliveryView>;
  };
  'integrations.deliveries.redeliver': { request: { endpointId: string; deliveryId: string }; response: WebhookDeliveryView };
  'integrations.webhooks.replay': { request: { endpointId: string; since: string }; response: { replayed: number } };
}
