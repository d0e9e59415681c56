import { IsISO8601, IsString, IsUrl, IsUUID } from 'class-validator';

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
