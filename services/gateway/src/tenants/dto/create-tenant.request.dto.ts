import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { SLUG_PATTERN } from '@warden/contracts';
import { PersonFieldsRequestDto } from '../../staff/dto/person-fields.request.dto';

export class AdministratorRequestDto extends PersonFieldsRequestDto {
  @ApiProperty({ minLength: 8, description: "The administrator's password" })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;
}

export class CreateTenantRequestDto {
  @ApiProperty({ example: 'acme-service', description: '3-40 lowercase letters, digits and dashes; used at sign-in' })
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'must be 3-40 lowercase letters, digits or dashes, not starting or ending with a dash' })
  slug!: string;

  @ApiProperty({ example: 'Acme Service Ltd', maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;

  @ApiProperty({ type: AdministratorRequestDto, description: 'The first administrator, who may sign in at once' })
  @IsDefined()
  @ValidateNested()
  @Type(() => AdministratorRequestDto)
  administrator!: AdministratorRequestDto;
}
