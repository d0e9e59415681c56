import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { WEBHOOK_DELIVERY_STATUSES } from '@warden/contracts';
import type { WebhookDeliveryStatus } from '@warden/contracts';

const EVENT_TYPE_PATTERN = /^(\*|[a-z][a-z0-9-]*(\.[a-z0-9-]+)*(\.\*|\.v\d+)?)$/;

export class CreateWebhookRequestDto {
  @ApiProperty({
    maxLength: 2000,
    example: 'https://hooks.example.com/warden',
    description: 'https; loopback, private and metadata addresses are refused',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  url!: string;
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 100,
    example: ['workflow.order.*', 'directory.branch.created.v1'],
    description: 'Event types of the AsyncAPI document, or prefixes ending in `*`; `*` alone is every event',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @Matches(EVENT_TYPE_PATTERN, { each: true, message: 'each value in eventTypes must be an event type or a prefix ending in *' })
  eventTypes!: string[];
  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(500) description?:
    | string
    | null;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateWebhookRequestDto extends PartialType(CreateWebhookRequestDto) {}

export class ReplayWebhookRequestDto {
  @ApiProperty({
    maxLength: 64,
    description: 'An ISO 8601 instant, or the id of an event: every kept event of the tenant from then on',
    example: '2026-12-01T00:00:00Z',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  since!: string;
}

export class DeliveryParamsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() deliveryId!: string;
}

export class ListDeliveriesQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES }) @IsOptional() @IsIn(WEBHOOK_DELIVERY_STATUSES) status?: WebhookDeliveryStatus;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) eventType?: string;
}
