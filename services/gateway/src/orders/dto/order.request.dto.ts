import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ORDER_TAG_MAX_LENGTH, ORDER_TAGS_INPUT_MAX, ORDER_TAGS_MAX, Trim } from '@warden/contracts';

/** Tags are checked by the workflow service (services/workflow/src/orders/order-tags.policy.ts), naming the bad one. */
const TAGS_DESCRIPTION =
  `Each tag is trimmed and lower-cased, then 1–${ORDER_TAG_MAX_LENGTH} letters, digits, '-', '_' or ':' ` +
  `(else 422 ORDER.TAG_INVALID naming tags.N); repeats count once; at most ${ORDER_TAGS_MAX} (ORDER.TOO_MANY_TAGS)`;

function Tags(description: string): PropertyDecorator {
  return (target, property) => {
    ApiPropertyOptional({
      type: [String],
      maxItems: ORDER_TAGS_INPUT_MAX,
      example: ['vip', 'billing:refund'],
      description: `${description}. ${TAGS_DESCRIPTION}`,
    })(target, property);
    // Absent: unchanged; null is no list.
    ValidateIf((_, value) => value !== undefined)(target, property);
    IsArray()(target, property);
    ArrayMaxSize(ORDER_TAGS_INPUT_MAX)(target, property);
    IsString({ each: true })(target, property);
  };
}

export class CreateOrderRequestDto {
  @ApiProperty({ example: 'iPhone 12: cracked screen', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Client reference (contacts come later)', maxLength: 200 })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(200)
  clientRef?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Responsible employee' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  responsibleId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: "Defaults to the tenant's order workflow" })
  @IsOptional()
  @IsUUID()
  workflowId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Defaults to the workflow's first initial status; if given, you need 'set' on it" })
  @IsOptional()
  @IsUUID()
  statusId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A department of the tenant; none: everyone who sees the status sees the order',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      "The client contact; the order's client company is the contact's company. A contact creating an order is always its client",
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  clientContactId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: "Equipment of the client contact's company" })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  equipmentId?: string | null;

  @Tags("The new order's tags (order.created automation rules can test them)")
  tags?: string[];
}

export class UpdateOrderRequestDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(200)
  clientRef?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  responsibleId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'Accepted when it is the current department; moving the order is a transfer (POST /api/v1/orders/{id}/transfer), else 422 ORDER.USE_TRANSFER',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The client contact (its company comes with it); null removes the client',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  clientContactId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: "Equipment of the client's company" })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  equipmentId?: string | null;

  @Tags("The order's whole new set of tags ([] removes them all); the change is recorded in the history (kind `tags`)")
  tags?: string[];

  @ApiPropertyOptional({ type: 'integer', description: 'Expected version (or send If-Match); a stale one is refused with 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class TransferOrderRequestDto {
  @ApiProperty({ format: 'uuid', description: "The department to move the order to; one you do not see needs 'orders.transfer-anywhere'" })
  @IsUUID()
  departmentId!: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Expected version (or send If-Match); a stale one is refused with 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ChangeOrderStatusRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The target status, of the order’s workflow' })
  @IsUUID()
  statusId!: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Expected version (or send If-Match); a stale one is refused with 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

const splitList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;

export class ListOrdersQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated status ids to filter by', example: '0190…,0190…' })
  @IsOptional()
  @Transform(splitList)
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  status?: string[];

  @ApiPropertyOptional({ description: 'An order number or part of the title', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only orders of this department (among those you see)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({
    description: 'Only orders with this tag (trimmed and lower-cased; not a tag: 422 ORDER.TAG_INVALID)',
    example: 'vip',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tag?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class CompanyOrdersQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
