import { IsIn, IsISO8601, IsString, IsUrl, IsUUID } from 'class-validator';

/** A webhook endpoint turned off by the product: it answered 410 Gone, or failed for the whole retry window. */
export class WebhookDisabledV1 {
  static readonly type = 'integrations.webhook.disabled.v1';
  @IsUUID() endpointId!: string;
  @IsUrl({ require_tld: false, require_protocol: true }) url!: string;
  @IsString() reason!: string;
  @IsISO8601() at!: string;
}

/** The type of the ping `POST /api/v1/webhooks/{id}/test` sends; never published to the event stream. */
export const WEBHOOK_TEST_EVENT_TYPE = 'warden.webhook.test.v1';

export const NOTIFICATION_KINDS = [
  'order-created',
  'order-closed',
  'order-public-reply',
  'order-transferred',
  'inquiry-assigned',
  'automation-notify',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An email notification was accepted by the SMTP server for its recipient (once per event and recipient). */
export class NotificationSentV1 {
  static readonly type = 'integrations.notification.sent.v1';
  @IsUUID() notificationId!: string;
  @IsIn(NOTIFICATION_KINDS) kind!: NotificationKind;
  /** The event the notification is about. */
  @IsUUID() eventId!: string;
  /** A directory contact or an employee. */
  @IsUUID() recipientId!: string;
  @IsIn(['employee', 'contact']) recipientKind!: 'employee' | 'contact';
  @IsISO8601() at!: string;
}
