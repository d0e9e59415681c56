import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_DELIVERY_STATUSES } from '@warden/contracts';
import type {
  WebhookDeliveryStatus,
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookEndpointWithSecretView,
  WebhookTestResultView,
} from '@warden/contracts';

export class WebhookResponseDto implements WebhookEndpointView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'https://hooks.example.com/warden' }) url!: string;
  @ApiProperty({ type: [String], example: ['workflow.order.*'] }) eventTypes!: string[];
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why the product turned the endpoint off (410 Gone, failing for the whole retry window)',
  })
  disabledReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class WebhookWithSecretResponseDto extends WebhookResponseDto implements WebhookEndpointWithSecretView {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'The Standard Webhooks signing secret; shown only here' })
  secret!: string;
}

export class WebhookTestResponseDto implements WebhookTestResultView {
  @ApiProperty({ type: 'integer', nullable: true, description: "The receiver's HTTP status; null when it did not answer" }) statusCode!:
    | number
    | null;
  @ApiProperty({ type: 'integer' }) latencyMs!: number;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}

export class WebhookDeliveryResponseDto implements WebhookDeliveryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The CloudEvent id, also the `webhook-id` header' }) eventId!: string;
  @ApiProperty({ example: 'workflow.order.status-changed.v1' }) eventType!: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status!: WebhookDeliveryStatus;
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiProperty({ type: 'integer', nullable: true }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextAttemptAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deliveredAt!: string | null;
}

export class WebhookDeliveryPageResponseDto {
  @ApiProperty({ type: [WebhookDeliveryResponseDto], description: 'Newest first' }) items!: WebhookDeliveryResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for older deliveries' }) nextCursor!: string | null;
}

export class WebhookReplayResponseDto {
  @ApiProperty({ type: 'integer', description: 'Deliveries queued again' }) replayed!: number;
}
