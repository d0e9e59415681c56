import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { TASK_ROLES, Trim } from '@warden/contracts';
import type { TaskRole } from '@warden/contracts';
import { ParticipantInputDto } from '../../participants/dto/participant.request.dto';

export class CreateTaskRequestDto {
  @ApiProperty({ example: 'Can we terminate the lease early?', maxLength: 300 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The project; its default auditors join the task' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The template: workflow, initial status and default participants' })
  @IsOptional()
  @IsUUID()
  templateId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A task workflow; required without a template' })
  @IsOptional()
  @IsUUID()
  workflowId?: string;

  @ApiPropertyOptional({ type: [ParticipantInputDto], description: 'Added to the defaults; you become the assigner anyway' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ParticipantInputDto)
  participants?: ParticipantInputDto[];
}

export class UpdateTaskRequestDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'The version you changed; 409 if the task moved on' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ChangeParticipantsRequestDto {
  @ApiPropertyOptional({ type: [ParticipantInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ParticipantInputDto)
  add?: ParticipantInputDto[];

  @ApiPropertyOptional({ type: [ParticipantInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ParticipantInputDto)
  remove?: ParticipantInputDto[];
}

export class ChangeTaskStatusRequestDto {
  @ApiProperty({ format: 'uuid', description: "The target status, reachable by a transition of the task's workflow" })
  @IsUUID()
  statusId!: string;

  @ApiPropertyOptional({ type: 'integer', description: 'The version you saw; 409 if the task moved on' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ListTasksQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() projectId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() statusId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only tasks this person takes part in' })
  @IsOptional()
  @IsUUID()
  participantId?: string;
  @ApiPropertyOptional({ enum: TASK_ROLES, description: 'With participantId: in this role; alone: tasks having someone in this role' })
  @IsOptional()
  @IsIn(TASK_ROLES)
  role?: TaskRole;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class TransitionsQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Someone else's answers (needs permissions.explain): what this person could do here",
  })
  @IsOptional()
  @IsUUID()
  personId?: string;
}
