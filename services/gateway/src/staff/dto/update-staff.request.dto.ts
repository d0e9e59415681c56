import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PHONE_PATTERN } from '@warden/contracts';

export class AccessChangeRequestDto {
  @ApiProperty({ description: 'true grants login access, false takes it away (and ends the sessions)' })
  @IsBoolean()
  enabled!: boolean;

  @ApiPropertyOptional({ minLength: 8, description: 'Sets a new password; required when granting access to someone without one' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;
}

/** Only the fields sent change. */
export class UpdateStaffRequestDto {
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) lastName?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) firstName?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) middleName?:
    | string
    | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'must be a phone number: digits, spaces, ()- and an optional leading +' })
  phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) position?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsEmail({}, { message: 'must be an email address' }) @MaxLength(254) email?: string;

  @ApiPropertyOptional({ type: AccessChangeRequestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AccessChangeRequestDto)
  access?: AccessChangeRequestDto;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "Replaces the employee's groups" })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'must contain only group ids (UUIDs)' })
  groupIds?: string[];
}
