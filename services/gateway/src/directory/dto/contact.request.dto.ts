import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateBy } from 'class-validator';
import { CONTACT_STATUSES, Trim } from '@warden/contracts';
import type { ContactStatus } from '@warden/contracts';
import { toBoolean, toInteger } from '../../http/query.transforms';

/** `{ "<messenger or channel address>": "<id>" }` with at most 20 short string entries. */
function IsMessengerIds(): PropertyDecorator {
  return ValidateBy({
    name: 'isMessengerIds',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= 20 &&
        Object.entries(value).every(
          ([key, id]) => key.length > 0 && key.length <= 320 && typeof id === 'string' && id.length > 0 && id.length <= 200,
        ),
      defaultMessage: () => 'must be an object of up to 20 messenger names mapped to non-empty string ids',
    },
  });
}

export class CreateContactRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Petrov' }) @Trim() @IsString() @MinLength(1) @MaxLength(100) lastName!: string;
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Ivan' }) @Trim() @IsString() @MinLength(1) @MaxLength(100) firstName!: string;
  @ApiPropertyOptional({ maxLength: 100, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(100) middleName?:
    | string
    | null;
  @ApiProperty({ format: 'email', maxLength: 320, description: 'Unique in the tenant, case-insensitively' })
  @IsEmail()
  @MaxLength(320)
  email!: string;
  @ApiPropertyOptional({ maxLength: 50, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(50) phone?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { telegram: '12345' } })
  @IsOptional()
  @IsMessengerIds()
  messengerIds?: Record<string, string>;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsOptional() @IsUUID() companyId?: string | null;
  @ApiPropertyOptional({ enum: CONTACT_STATUSES, default: 'active' }) @IsOptional() @IsIn(CONTACT_STATUSES) status?: ContactStatus;
  @ApiPropertyOptional({ default: true, description: 'Email notifications from the system' })
  @IsOptional()
  @IsBoolean()
  notifications?: boolean;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'An employee of the tenant' })
  @IsOptional()
  @IsUUID()
  responsibleEmployeeId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsOptional() @IsUUID() branchId?: string | null;
}

export class UpdateContactRequestDto extends PartialType(CreateContactRequestDto) {}

export class ListContactsQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the name, email or phone' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the full name' }) @IsOptional() @IsString() @MaxLength(100) name?: string;
  @ApiPropertyOptional({ maxLength: 320, description: 'Part of the email' }) @IsOptional() @IsString() @MaxLength(320) email?: string;
  @ApiPropertyOptional({ maxLength: 50, description: 'Digits of the phone, formatting ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() companyId?: string;
  @ApiPropertyOptional({ enum: CONTACT_STATUSES }) @IsOptional() @IsIn(CONTACT_STATUSES) status?: ContactStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() branchId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() responsibleEmployeeId?: string;
  @ApiPropertyOptional({ description: 'Only contacts whose email notifications are on (true) or off (false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  notifications?: boolean;
  @ApiPropertyOptional({ description: '`nextCursor` of the previous page' }) @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class PortalAccessRequestDto {
  @ApiProperty({ minLength: 8, maxLength: 200, description: 'The contact signs in to the client portal with its email and this password' })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;
}
