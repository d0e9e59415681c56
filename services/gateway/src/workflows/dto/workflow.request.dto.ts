import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { GRANT_KINDS, GRANT_ROLES, STATUS_CATEGORIES, Trim, WORKFLOW_KINDS } from '@warden/contracts';
import type { GrantKind, GrantRole, StatusCategory, WorkflowKind } from '@warden/contracts';

export class StatusInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing status to change; omit to add a status' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'In repair', maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: '#3f51b5', pattern: '^#[0-9a-fA-F]{6}$' })
  @IsOptional()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour like #3f51b5' })
  color?: string;

  @ApiProperty({ enum: STATUS_CATEGORIES })
  @IsIn(STATUS_CATEGORIES)
  category!: StatusCategory;

  @ApiPropertyOptional({ description: 'An archived status keeps its orders but cannot be set any more' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

export class RoleKindGrantDto {
  @ApiProperty({ enum: GRANT_ROLES, description: '`participant`: any participant of the task' })
  @IsIn(GRANT_ROLES)
  role!: GrantRole;

  @ApiProperty({ enum: GRANT_KINDS, description: '`any`: employees and contacts alike' })
  @IsIn(GRANT_KINDS)
  kind!: GrantKind;
}

export class TransitionGrantsDto {
  @ApiPropertyOptional({ type: [RoleKindGrantDto], description: "(role, kind) pairs of the task's participants, e.g. auditor-contact" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RoleKindGrantDto)
  roles?: RoleKindGrantDto[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Groups whose members may perform the transition' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  groupIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'People (employees or contacts) who may perform the transition' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  personIds?: string[];
}

/**
 * A transition of a workflow's create or update, with the field names a read shows (`fromStatusId`,
 * `toStatusId`, `grants`; `id` as read is taken and ignored), so a workflow read can be written back.
 */
export class TransitionInputDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'As a read shows it; ignored (a transition is its pair of statuses, and a pair kept keeps its id)',
  })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The status it leaves, an existing status of this workflow (or `from`)' })
  @ValidateIf((input: TransitionInputDto) => input.from === undefined)
  @IsUUID()
  fromStatusId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The status it enters, an existing status of this workflow (or `to`)' })
  @ValidateIf((input: TransitionInputDto) => input.to === undefined)
  @IsUUID()
  toStatusId?: string;

  @ApiPropertyOptional({
    example: "Approval by client's responsible",
    description: 'Instead of `fromStatusId`: a status id, or its name as given in this request (a new status has no id yet)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  from?: string;

  @ApiPropertyOptional({
    example: 'In progress',
    description: 'Instead of `toStatusId`: a status id, or its name as given in this request',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  to?: string;

  @ApiPropertyOptional({ type: TransitionGrantsDto, description: 'Who may perform it; without grants nobody may' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TransitionGrantsDto)
  grants?: TransitionGrantsDto;
}

export class AddTransitionRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The status it leaves, of this workflow' })
  @IsUUID()
  fromStatusId!: string;

  @ApiProperty({ format: 'uuid', description: 'The status it enters, of this workflow' })
  @IsUUID()
  toStatusId!: string;

  @ApiPropertyOptional({ type: TransitionGrantsDto, description: 'Who may perform it; without grants nobody may' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TransitionGrantsDto)
  grants?: TransitionGrantsDto;
}

export class ChangeTransitionRequestDto {
  @ApiProperty({ type: TransitionGrantsDto, description: 'The whole grants of the transition (lists left out become empty)' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => TransitionGrantsDto)
  grants!: TransitionGrantsDto;
}

export class WorkflowParamsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
}

export class TransitionParamsDto extends WorkflowParamsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() transitionId!: string;
}

export class CreateWorkflowRequestDto {
  @ApiProperty({ example: 'Warranty repairs', maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: WORKFLOW_KINDS })
  @IsIn(WORKFLOW_KINDS)
  kind!: WorkflowKind;

  @ApiProperty({ type: [StatusInputDto], description: 'In display order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => StatusInputDto)
  statuses!: StatusInputDto[];

  @ApiPropertyOptional({ type: [TransitionInputDto], description: 'Task workflows only: the allowed transitions and who may perform each' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => TransitionInputDto)
  transitions?: TransitionInputDto[];
}

export class UpdateWorkflowRequestDto {
  @ApiPropertyOptional({ example: 'Orders', maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({
    type: [StatusInputDto],
    description:
      'The whole ordered list of statuses: positions follow the array, entries without id are added, and a status left out is deleted — refused with 409 STATUS.IN_USE while orders use it (archive it instead).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => StatusInputDto)
  statuses?: StatusInputDto[];

  @ApiPropertyOptional({
    type: [TransitionInputDto],
    description: 'Task workflows only: the whole list of transitions (left out = removed)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => TransitionInputDto)
  transitions?: TransitionInputDto[];
}

export class ListWorkflowsQueryDto {
  @ApiPropertyOptional({ enum: WORKFLOW_KINDS })
  @IsOptional()
  @IsIn(WORKFLOW_KINDS)
  kind?: WorkflowKind;
}
