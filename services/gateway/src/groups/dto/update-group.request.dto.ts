import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { RIGHT_NAMES } from '@warden/contracts';
import type { Right } from '@warden/contracts';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class UpdateGroupRequestDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ enum: RIGHT_NAMES, isArray: true, description: 'Replaces the rights; the Administrator group keeps every right' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RIGHT_NAMES.length)
  @IsIn(RIGHT_NAMES, { each: true, message: 'each value must be a right of the catalog (GET /api/v1/rights)' })
  rights?: Right[];

  @ApiPropertyOptional({ description: 'Bar (true) or allow (false) every member from logging in' })
  @IsOptional()
  @IsBoolean()
  loginBarred?: boolean;
}
