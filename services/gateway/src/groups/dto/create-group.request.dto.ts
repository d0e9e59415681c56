import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { RIGHT_NAMES, Trim } from '@warden/contracts';
import type { Right } from '@warden/contracts';

export class CreateGroupRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Masters', description: 'Unique in the tenant, case-insensitively' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: RIGHT_NAMES, isArray: true, example: ['auth.login', 'orders.read'] })
  @IsArray()
  @ArrayMaxSize(RIGHT_NAMES.length)
  @IsIn(RIGHT_NAMES, { each: true, message: 'each value must be a right of the catalog (GET /api/v1/rights)' })
  rights!: Right[];

  @ApiPropertyOptional({ default: false, description: 'Bar every member from logging in' })
  @IsOptional()
  @IsBoolean()
  loginBarred?: boolean;
}
