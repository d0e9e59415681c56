import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Trim } from '@warden/contracts';

export class CreateDepartmentRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'IT support' }) @Trim() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'An employee of the tenant' })
  @IsOptional()
  @IsUUID()
  headId?: string | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 1000, description: 'Employees of the tenant' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  memberIds?: string[];
}

/** `memberIds`, when given, replaces the membership. */
export class UpdateDepartmentRequestDto extends PartialType(CreateDepartmentRequestDto) {}

export class DepartmentMembersRequestDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  personIds!: string[];
}
