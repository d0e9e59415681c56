import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Trim } from '@warden/contracts';

export class CreateBranchRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Downtown' }) @Trim() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String, example: '1 Main St' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;
  @ApiProperty({ description: 'IANA time zone', example: 'Europe/Moscow', maxLength: 64 }) @IsString() @MaxLength(64) timeZone!: string;
}

export class UpdateBranchRequestDto extends PartialType(CreateBranchRequestDto) {}

export class PutEmployeeBranchesRequestDto {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The main branch; required when additional branches are given',
  })
  @IsOptional()
  @IsUUID()
  mainBranchId!: string | null;
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 500 })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  additionalBranchIds!: string[];
  @ApiProperty({ description: 'Access to every branch, present and future' }) @IsBoolean() allBranches!: boolean;
}
