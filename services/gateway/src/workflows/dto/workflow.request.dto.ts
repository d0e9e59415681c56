import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { STATUS_CATEGORIES, WORKFLOW_KINDS } from '@warden/contracts';
import type { StatusCategory, WorkflowKind } from '@warden/contracts';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class StatusInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing status to change; omit to add a status' })
  @IsOptional() @IsUUID() id?: string;

  @ApiProperty({ example: 'In repair', maxLength: 100 })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;

  @ApiPropertyOptional({ example: '#3f51b5', pattern: '^#[0-9a-fA-F]{6}$' })
  @IsOptional() @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour like #3f51b5' }) color?: string;

  @ApiProperty({ enum: STATUS_CATEGORIES })
  @IsIn(STATUS_CATEGORIES) category!: StatusCategory;

  @ApiPropertyOptional({ description: 'An archived status keeps its orders but cannot be set any more' })
  @IsOptional() @IsBoolean() archived?: boolean;
}

export class CreateWorkflowRequestDto {
  @ApiProperty({ example: 'Warranty repairs', maxLength: 100 })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;

  @ApiProperty({ enum: WORKFLOW_KINDS })
  @IsIn(WORKFLOW_KINDS) kind!: WorkflowKind;

  @ApiProperty({ type: [StatusInputDto], description: 'In display order' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => StatusInputDto) statuses!: StatusInputDto[];
}

export class UpdateWorkflowRequestDto {
  @ApiPropertyOptional({ example: 'Orders', maxLength: 100 })
  @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100) name?: string;

  @ApiPropertyOptional({
    type: [StatusInputDto],
    description:
      'The whole ordered list of statuses: positions follow the array, entries without id are added, and a status left out is deleted — refused with 409 STATUS.IN_USE while orders use it (archive it instead).',
  })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => StatusInputDto) statuses?: StatusInputDto[];
}

export class ListWorkflowsQueryDto {
  @ApiPropertyOptional({ enum: WORKFLOW_KINDS })
  @IsOptional() @IsIn(WORKFLOW_KINDS) kind?: WorkflowKind;
}
