import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PHONE_PATTERN, Trim } from '@warden/contracts';

/** The fields of a person, shared by staff creation and the tenant's first administrator. */
export class PersonFieldsRequestDto {
  @ApiProperty({ example: 'Ivanova', maxLength: 100 }) @Trim() @IsString() @IsNotEmpty() @MaxLength(100) lastName!: string;
  @ApiProperty({ example: 'Anna', maxLength: 100 }) @Trim() @IsString() @IsNotEmpty() @MaxLength(100) firstName!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Petrovna', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  middleName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '+7 900 000-00-00' })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'must be a phone number: digits, spaces, ()- and an optional leading +' })
  phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Engineer', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  position?: string | null;
  @ApiProperty({ example: 'anna@example.com', description: 'Unique within the tenant, case-insensitive' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;
}
