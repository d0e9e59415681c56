import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsISO8601, IsIn, IsInt, IsOptional, IsString, Max, Min, MaxLength } from 'class-validator';
import { SYSTEM_STATUSES } from '@warden/contracts';
import type { SystemStatus } from '@warden/contracts';
import { toBoolean, toInteger } from '../../http/query.transforms';

export class ListStaffQueryDto {
  @ApiPropertyOptional({ enum: SYSTEM_STATUSES }) @IsOptional() @IsIn(SYSTEM_STATUSES) status?: SystemStatus;
  @ApiPropertyOptional({ description: 'Part of a name, phone or email', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
  @ApiPropertyOptional({ description: 'Also list deleted employees', default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeDeleted?: boolean;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Only people inside their work schedule at this instant (no schedule counts as inside): who works at 10:00 tomorrow',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  workingAt?: string;
  @ApiPropertyOptional({ description: '`nextCursor` of the previous page' }) @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
