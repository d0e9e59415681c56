import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NOTIFICATION_KINDS, NOTIFICATION_LANGUAGES, NOTIFICATION_STATUSES } from '@warden/contracts';
import type { NotificationKind, NotificationLanguage, NotificationStatus } from '@warden/contracts';

export class ListNotificationsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A contact or an employee: only the emails to this person' })
  @IsOptional()
  @IsUUID()
  recipientId?: string;
  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES }) @IsOptional() @IsIn(NOTIFICATION_STATUSES) status?: NotificationStatus;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class UnsubscribeQueryDto {
  @ApiProperty({ maxLength: 1000, description: 'The token of the link in the email' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  token!: string;
}

export class UpdateNotificationSettingsRequestDto {
  @ApiPropertyOptional({ description: 'Emails when a ticket is transferred to one of my departments' })
  @IsOptional()
  @IsBoolean()
  orderTransferred?: boolean;
  @ApiPropertyOptional({ description: 'Emails when an inquiry is assigned to me' }) @IsOptional() @IsBoolean() inquiryAssigned?: boolean;
  @ApiPropertyOptional({ description: 'Emails automation rules send me' }) @IsOptional() @IsBoolean() automationNotify?: boolean;
}

export class TemplateParamsDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) @IsIn(NOTIFICATION_KINDS) kind!: NotificationKind;
  @ApiProperty({ enum: NOTIFICATION_LANGUAGES }) @IsIn(NOTIFICATION_LANGUAGES) language!: NotificationLanguage;
}

export class UpdateNotificationTemplateRequestDto {
  @ApiProperty({ maxLength: 300, example: '[{{tenantName}}] Ticket #{{orderNumber}} received' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  subject!: string;
  @ApiProperty({ maxLength: 20000, description: 'Plain-text body; `{{unsubscribeUrl}}` should appear in it' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  text!: string;
  @ApiProperty({ maxLength: 50000, description: 'HTML body; placeholder values are HTML-escaped' })
  @IsString()
  @MinLength(1)
  @MaxLength(50000)
  html!: string;
}

export class NotificationLanguageRequestDto {
  @ApiProperty({ enum: NOTIFICATION_LANGUAGES, description: "The language of the tenant's emails" })
  @IsIn(NOTIFICATION_LANGUAGES)
  language!: NotificationLanguage;
}
