import type { Page } from '@warden/kernel';
import type { NotificationKind } from '../events/integrations.events';

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


export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'skipped';
export const NOTIFICATION_STATUSES: readonly NotificationStatus[] = ['pending', 'sent', 'failed', 'skipped'];
export type NotificationLanguage = 'en' | 'ru';
export const NOTIFICATION_LANGUAGES: readonly NotificationLanguage[] = ['en', 'ru'];

/** One email notification to one recipient, as the log shows it. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  eventId: string;
  recipientId: string;
  recipientKind: 'employee' | 'contact';
  /** The address it went (or was to go) to; null while the recipient is not known yet. */
  email: string | null;
  subject: string | null;
  /** pending (waiting for an attempt or a retry), sent, failed (for good), skipped (not to be sent, see `reason`). */
  status: NotificationStatus;
  attempts: number;
  /** Why it failed, is being retried or was skipped. */
  reason: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** What an employee wants to hear about by email (every kind is on until turned off). */
export interface NotificationSettingsView {
  orderTransferred: boolean;
  inquiryAssigned: boolean;
}

/** A tenant's own wording of one kind of notification in one language (placeholders as `{{name}}`). */
export interface NotificationTemplateView {
  kind: NotificationKind;
  language: NotificationLanguage;
  subject: string;
  text: string;
  html: string;
  /** False: the product's default, shown because the tenant has none of its own. */
  custom: boolean;
}

export interface NotificationTemplatesView {
  /** The language the tenant's emails are written in. */
  language: NotificationLanguage;
  templates: NotificationTemplateView[];
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
  'integrations.notifications.list': {
    request: { recipientId?: string; status?: NotificationStatus; cursor?: string; limit?: number };
    response: Page<NotificationView>;
  };
  /** Public (no signed-in person): the token alone says whose flag to turn off. */
  'integrations.notifications.unsubscribe': { request: { token: string }; response: { unsubscribed: true } };
  'integrations.notification-settings.get': { request: { personId: string }; response: NotificationSettingsView };
  'integrations.notification-settings.update': { request: { personId: string; changes: Partial<NotificationSettingsView> }; response: NotificationSettingsView };
  'integrations.notification-templates.list': { request: Record<string, never>; response: NotificationTemplatesView };
  'integrations.notification-templates.update': {
    request: { kind: NotificationKind; language: NotificationLanguage; subject: string; text: string; html: string };
    response: NotificationTemplateView;
  };
  'integrations.notification-language.update': { request: { language: NotificationLanguage }; response: NotificationTemplatesView };
}
