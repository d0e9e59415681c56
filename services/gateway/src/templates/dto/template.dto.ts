import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import type { TemplateView } from '@warden/contracts';
import { ParticipantInputDto } from '../../participants/dto/participant.request.dto';
import { TaskParticipantResponseDto } from '../../participants/dto/participant.response.dto';
import { Trim } from '@warden/contracts';

export class CreateTemplateRequestDto {
  @ApiProperty({ example: 'Client question', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'A task workflow' })
  @IsUUID()
  workflowId!: string;

  @ApiProperty({ format: 'uuid', description: 'A status of that workflow: new tasks start in it' })
  @IsUUID()
  initialStatusId!: string;

  @ApiPropertyOptional({ type: [ParticipantInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ParticipantInputDto)
  defaultParticipants?: ParticipantInputDto[];
}

export class UpdateTemplateRequestDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() workflowId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() initialStatusId?: string;

  @ApiPropertyOptional({ type: [ParticipantInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ParticipantInputDto)
  defaultParticipants?: ParticipantInputDto[];
}

export class TemplateResponseDto implements TemplateView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty({ format: 'uuid' }) initialStatusId!: string;
  @ApiProperty({ type: [TaskParticipantResponseDto] }) defaultParticipants!: TaskParticipantResponseDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
