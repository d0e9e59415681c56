import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { RIGHT_NAMES, Trim } from '@warden/contracts';
import type { Right } from '@warden/contracts';

export class UpdateGroupRequestDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional()
  @Trim()
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
