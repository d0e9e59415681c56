import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Trim } from '@warden/contracts';

export class CreateEquipmentRequestDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() companyId!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Equipment of the same company; none for a root' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Server rack A' }) @Trim() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ maxLength: 100, nullable: true, type: String, example: 'rack' }) @IsOptional() @IsString() @MaxLength(100) kind?:
    | string
    | null;
  @ApiPropertyOptional({ maxLength: 100, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(100) serialNumber?:
    | string
    | null;
  @ApiPropertyOptional({ maxLength: 200, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) location?: string | null;
  @ApiPropertyOptional({ maxLength: 2000, nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(2000) notes?: string | null;
}

/** `parentId` moves the node with its subtree (null: to the root); the company cannot change. */
export class UpdateEquipmentRequestDto extends PartialType(OmitType(CreateEquipmentRequestDto, ['companyId'] as const)) {}
