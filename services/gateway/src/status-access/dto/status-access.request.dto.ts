import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { ACCESS_LEVELS } from '@warden/contracts';
import type { AccessLevel } from '@warden/contracts';

export class StatusLevelRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  statusId!: string;

  @ApiProperty({ enum: ACCESS_LEVELS, nullable: true, description: 'null removes the override (person) or restores the default (group)' })
  @ValidateIf((_, value) => value !== null)
  @IsIn(ACCESS_LEVELS, { message: 'must be one of none, view, set (or null)' })
  level!: AccessLevel | null;
}

export class PutGroupStatusAccessRequestDto {
  @ApiProperty({ type: [StatusLevelRequestDto], description: 'Only the statuses listed change' })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => StatusLevelRequestDto)
  levels!: StatusLevelRequestDto[];
}

export class PutPersonStatusAccessRequestDto extends PutGroupStatusAccessRequestDto {
  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: 'May change the status of a closed order; null restores the default (administrators only)',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsBoolean()
  mayChangeClosed?: boolean | null;
}
