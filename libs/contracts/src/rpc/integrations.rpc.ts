import { PartialType } from '@nestjs/mapped-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { Page } from '@warden/kernel';
import { NoData } from './rpc-request.contract';
import type { RpcRequestContracts } from './rpc-request.contract';
import { NOTIFICATION_KINDS } from '../events/integrations.events';
import type { NotificationKind } from '../events/integrations.events';
import { OptionalText, Trim } from './request-fields';

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

/**
 * A webhook endpoint as its administrator writes it (limits of services/gateway/src/webhooks/dto); which event
 * types exist and which addresses may be called are the integrations service's to decide.
 */
export class WebhookEndpointInput {
  @Trim() @IsString() @MinLength(1) @MaxLength(2000) url!: string;
  /** Exact event types, or prefixes ending in `*`; repeats count once. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(200, { each: true }) eventTypes!: string[];
  /** Blank means none. */
  @IsOptional() @OptionalText() @IsString() @MaxLength(500) description?: string | null;
  @IsOptional() @IsBoolean() active?: boolean;
}

/** The fields to change; those left out stay as they are. */
export class WebhookEndpointChanges extends PartialType(WebhookEndpointInput) {}

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
export class NotificationSettingsView {
  @IsBoolean() orderTransferred!: boolean;
  @IsBoolean() inquiryAssigned!: boolean;
  /** Emails automation rules send the employee (`actions.notifyPersonId`). */
  @IsBoolean() automationNotify!: boolean;
}

/** The kinds to turn on or off; those left out stay as they are. */
export class NotificationSettingsChanges extends PartialType(NotificationSettingsView) {}

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

/** The most deliveries or notifications one page holds. */
const MAX_LOG_PAGE_SIZE = 200;

export class WebhookEndpointRef {
  @IsUUID() endpointId!: string;
}

export class UpdateWebhookRequest extends WebhookEndpointRef {
  @IsObject() @ValidateNested() @Type(() => WebhookEndpointChanges) changes!: WebhookEndpointChanges;
}

export class ListDeliveriesRequest extends WebhookEndpointRef {
  @IsOptional() @IsIn(WEBHOOK_DELIVERY_STATUSES) status?: WebhookDeliveryStatus;
  @IsOptional() @IsString() @MaxLength(200) eventType?: string;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_LOG_PAGE_SIZE) limit?: number;
}

export class DeliveryRef extends WebhookEndpointRef {
  @IsUUID() deliveryId!: string;
}

export class ReplayWebhookRequest extends WebhookEndpointRef {
  /** An ISO 8601 instant or the id of an event; which one, and whether it is good, the service reads. */
  @IsString() @MinLength(1) @MaxLength(64) since!: string;
}

export class ListNotificationsRequest {
  @IsOptional() @IsUUID() recipientId?: string;
  @IsOptional() @IsIn(NOTIFICATION_STATUSES) status?: NotificationStatus;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_LOG_PAGE_SIZE) limit?: number;
}

export class UnsubscribeRequest {
  @IsString() @MinLength(1) @MaxLength(1000) token!: string;
}

/** An employee whose notification settings to read. */
export class NotificationPersonRef {
  @IsUUID() personId!: string;
}

export class UpdateNotificationSettingsRequest extends NotificationPersonRef {
  @IsObject() @ValidateNested() @Type(() => NotificationSettingsChanges) changes!: NotificationSettingsChanges;
}

export class UpdateNotificationTemplateRequest {
  @IsIn(NOTIFICATION_KINDS) kind!: NotificationKind;
  @IsIn(NOTIFICATION_LANGUAGES) language!: NotificationLanguage;
  @IsString() @MinLength(1) @MaxLength(300) subject!: string;
  @IsString() @MinLength(1) @MaxLength(20_000) text!: string;
  @IsString() @MinLength(1) @MaxLength(50_000) html!: string;
}

export class NotificationLanguageRequest {
  @IsIn(NOTIFICATION_LANGUAGES) language!: NotificationLanguage;
}

export interface IntegrationsRpc {
  'integrations.webhooks.list': { request: NoData; response: WebhookEndpointView[] };
  'integrations.webhooks.get': { request: WebhookEndpointRef; response: WebhookEndpointView };
  'integrations.webhooks.create': { request: WebhookEndpointInput; response: WebhookEndpointWithSecretView };
  'integrations.webhooks.update': { request: UpdateWebhookRequest; response: WebhookEndpointView };
  'integrations.webhooks.delete': { request: WebhookEndpointRef; response: { deleted: true } };
  'integrations.webhooks.rotate-secret': { request: WebhookEndpointRef; response: WebhookEndpointWithSecretView };
  'integrations.webhooks.test': { request: WebhookEndpointRef; response: WebhookTestResultView };
  'integrations.deliveries.list': { request: ListDeliveriesRequest; response: Page<WebhookDeliveryView> };
  'integrations.deliveries.redeliver': { request: DeliveryRef; response: WebhookDeliveryView };
  'integrations.webhooks.replay': { request: ReplayWebhookRequest; response: { replayed: number } };
  'integrations.notifications.list': { request: ListNotificationsRequest; response: Page<NotificationView> };
  /** Public (no signed-in person): the token alone says whose flag to turn off. */
  'integrations.notifications.unsubscribe': { request: UnsubscribeRequest; response: { unsubscribed: true } };
  'integrations.notification-settings.get': { request: NotificationPersonRef; response: NotificationSettingsView };
  'integrations.notification-settings.update': { request: UpdateNotificationSettingsRequest; response: NotificationSettingsView };
  'integrations.notification-templates.list': { request: NoData; response: NotificationTemplatesView };
  'integrations.notification-templates.update': { request: UpdateNotificationTemplateRequest; response: NotificationTemplateView };
  'integrations.notification-language.update': { request: NotificationLanguageRequest; response: NotificationTemplatesView };
}

export const INTEGRATIONS_RPC_REQUESTS: RpcRequestContracts<IntegrationsRpc> = {
  'integrations.webhooks.list': NoData,
  'integrations.webhooks.get': WebhookEndpointRef,
  'integrations.webhooks.create': WebhookEndpointInput,
  'integrations.webhooks.update': UpdateWebhookRequest,
  'integrations.webhooks.delete': WebhookEndpointRef,
  'integrations.webhooks.rotate-secret': WebhookEndpointRef,
  'integrations.webhooks.test': WebhookEndpointRef,
  'integrations.deliveries.list': ListDeliveriesRequest,
  'integrations.deliveries.redeliver': DeliveryRef,
  'integrations.webhooks.replay': ReplayWebhookRequest,
  'integrations.notifications.list': ListNotificationsRequest,
  'integrations.notifications.unsubscribe': UnsubscribeRequest,
  'integrations.notification-settings.get': NotificationPersonRef,
  'integrations.notification-settings.update': UpdateNotificationSettingsRequest,
  'integrations.notification-templates.list': NoData,
  'integrations.notification-templates.update': UpdateNotificationTemplateRequest,
  'integrations.notification-language.update': NotificationLanguageRequest,
};
