import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, NOTIFICATION_LANGUAGES, NOTIFICATION_STATUSES } from '@warden/contracts';
import type {
  NotificationKind,
  NotificationLanguage,
  NotificationSettingsView,
  NotificationStatus,
  NotificationTemplatesView,
  NotificationTemplateView,
  NotificationView,
} from '@warden/contracts';

export class NotificationResponseDto implements NotificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ format: 'uuid', description: 'The event the email is about' }) eventId!: string;
  @ApiProperty({ format: 'uuid' }) recipientId!: string;
  @ApiProperty({ enum: ['employee', 'contact'] }) recipientKind!: 'employee' | 'contact';
  @ApiProperty({ nullable: true, type: String, description: 'The address used; null while the recipient is not known yet' }) email!:
    | string
    | null;
  @ApiProperty({ nullable: true, type: String }) subject!: string | null;
  @ApiProperty({
    enum: NOTIFICATION_STATUSES,
    description: 'pending (waiting for an attempt or a retry), sent, failed (for good), skipped (not to be sent, see reason)',
  })
  status!: NotificationStatus;
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "Why it failed, is retried or was skipped (the SMTP server's answer, the flag off, …)",
  })
  reason!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextAttemptAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class NotificationPageResponseDto {
  @ApiProperty({ type: [NotificationResponseDto], description: 'Newest first' }) items!: NotificationResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for older notifications' }) nextCursor!: string | null;
}

export class UnsubscribedResponseDto {
  @ApiProperty({ enum: [true] }) unsubscribed!: true;
}

export class NotificationSettingsResponseDto implements NotificationSettingsView {
  @ApiProperty() orderTransferred!: boolean;
  @ApiProperty() inquiryAssigned!: boolean;
  @ApiProperty() automationNotify!: boolean;
}

export class NotificationTemplateResponseDto implements NotificationTemplateView {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ enum: NOTIFICATION_LANGUAGES }) language!: NotificationLanguage;
  @ApiProperty() subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty() html!: string;
  @ApiProperty({ description: "False: the product's default, shown because the tenant has none of its own" }) custom!: boolean;
}

export class NotificationTemplatesResponseDto implements NotificationTemplatesView {
  @ApiProperty({ enum: NOTIFICATION_LANGUAGES, description: "The language of the tenant's emails" }) language!: NotificationLanguage;
  @ApiProperty({ type: [NotificationTemplateResponseDto] }) templates!: NotificationTemplateResponseDto[];
}
