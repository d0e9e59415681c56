import { ApiProperty } from '@nestjs/swagger';
import { ACCESS_LEVELS, STATUS_CATEGORIES, WORKFLOW_KINDS } from '@warden/contracts';
import type { AccessLevel, LevelSource, StatusCategory, WorkflowKind } from '@warden/contracts';

export class PersonStatusLevelResponseDto {
  @ApiProperty({ format: 'uuid' }) statusId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STATUS_CATEGORIES }) category!: StatusCategory;
  @ApiProperty() archived!: boolean;
  @ApiProperty({ enum: ACCESS_LEVELS, description: 'What applies' }) level!: AccessLevel;
  @ApiProperty({ enum: ACCESS_LEVELS, nullable: true, description: 'The personal override, if any' }) override!: AccessLevel | null;
  @ApiProperty({ enum: ACCESS_LEVELS, description: "The highest level among the person's groups" }) groupLevel!: AccessLevel;
  @ApiProperty({ enum: ['person', 'group', 'default'] }) source!: LevelSource;
}

export class PersonStatusWorkflowResponseDto {
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: WORKFLOW_KINDS, description: "Order or task workflow; a task status defaults to 'set' for everyone" })
  kind!: WorkflowKind;
  @ApiProperty({ type: [PersonStatusLevelResponseDto] }) statuses!: PersonStatusLevelResponseDto[];
}

export class PersonStatusAccessResponseDto {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ description: 'May change the status of an order in a final (closed) status' }) mayChangeClosed!: boolean;
  @ApiProperty({ description: 'False while the flag is the default (administrators only)' }) mayChangeClosedExplicit!: boolean;
  @ApiProperty({ type: [PersonStatusWorkflowResponseDto] }) workflows!: PersonStatusWorkflowResponseDto[];
}

export class GroupStatusLevelResponseDto {
  @ApiProperty({ format: 'uuid' }) statusId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STATUS_CATEGORIES }) category!: StatusCategory;
  @ApiProperty() archived!: boolean;
  @ApiProperty({ enum: ACCESS_LEVELS }) level!: AccessLevel;
  @ApiProperty({ description: 'False while the group keeps its default level' }) explicit!: boolean;
}

export class GroupStatusWorkflowResponseDto {
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: WORKFLOW_KINDS, description: "Order or task workflow; a task status defaults to 'set' for everyone" })
  kind!: WorkflowKind;
  @ApiProperty({ type: [GroupStatusLevelResponseDto] }) statuses!: GroupStatusLevelResponseDto[];
}

export class GroupStatusAccessResponseDto {
  @ApiProperty({ format: 'uuid' }) groupId!: string;
  @ApiProperty({ type: [GroupStatusWorkflowResponseDto] }) workflows!: GroupStatusWorkflowResponseDto[];
}
