import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { toInteger } from '../../http/query.transforms';

export class AuditQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Changes made by this person' }) @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({
    maxLength: 100,
    example: 'person',
    description: '`group`, `person`, `department`, `branch`, `channel`, `company`, `workflow`, `webhook`, …',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]*$/, { message: 'must be a resource type such as person or group' })
  @MaxLength(100)
  resourceType?: string;
  @ApiPropertyOptional({ maxLength: 200, description: 'The id of the changed resource' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  resourceId?: string;
  @ApiPropertyOptional({ maxLength: 100, example: 'status-access.person.updated' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, { message: 'must be an action such as group.updated' })
  @MaxLength(100)
  action?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Entries before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  @ApiPropertyOptional({ maxLength: 200, description: 'The X-Request-Id the gateway answered to the change' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  requestId?: string;
  @ApiPropertyOptional({ description: '`nextCursor` of the previous page' }) @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
