import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { toInteger } from '../../http/query.transforms';
import { Trim } from '@warden/contracts';

export class CreateCompanyRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Acme LLC' }) @Trim() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ maxLength: 50, nullable: true, type: String, description: 'Unique in the tenant when given' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  taxId?: string | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 100, description: 'Employees who see every order of the company' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  clientManagerIds?: string[];
}

export class UpdateCompanyRequestDto extends PartialType(CreateCompanyRequestDto) {}

export class ClientManagersRequestDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 100, description: 'Replaces the client managers (employees of the tenant)' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  personIds!: string[];
}

export class ListCompaniesQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the name or tax id' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
  @ApiPropertyOptional({ description: '`nextCursor` of the previous page' }) @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
