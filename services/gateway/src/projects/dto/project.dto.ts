import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PERSON_KINDS, Trim } from '@warden/contracts';
import type { PersonKind, ProjectView } from '@warden/contracts';

export class CreateProjectRequestDto {
  @ApiProperty({ example: 'Horns & Hooves LLC — legal questions', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The client company (directory)' })
  @IsOptional()
  @IsUUID()
  counterpartyCompanyId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Employees and contacts who audit every task of the project' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  defaultAuditorIds?: string[];
}

export class UpdateProjectRequestDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  counterpartyCompanyId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  defaultAuditorIds?: string[];
}

class ProjectAuditorDto {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ enum: PERSON_KINDS }) kind!: PersonKind;
}

export class ProjectResponseDto implements ProjectView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) counterpartyCompanyId!: string | null;
  @ApiProperty({ type: [ProjectAuditorDto] }) defaultAuditors!: ProjectAuditorDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
