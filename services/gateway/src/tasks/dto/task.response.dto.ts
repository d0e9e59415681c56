import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERSON_KINDS, STATUS_CATEGORIES, TASK_ROLES } from '@warden/contracts';
import { TaskParticipantResponseDto } from '../../participants/dto/participant.response.dto';
import type {
  DecisionStep,
  PersonKind,
  RecordedDecision,
  StatusCategory,
  TaskHistoryEntry,
  TaskRole,
  TaskStatusRef,
  TaskView,
} from '@warden/contracts';

export class TaskStatusResponseDto implements TaskStatusRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STATUS_CATEGORIES }) category!: StatusCategory;
  @ApiProperty() color!: string;
}

export class TaskResponseDto implements TaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) projectId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) templateId!: string | null;
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty({ description: 'Changes whenever the workflow (its transitions and grants) changes' }) workflowVersion!: string;
  @ApiProperty({ type: TaskStatusResponseDto }) status!: TaskStatusResponseDto;
  @ApiProperty({ type: [TaskParticipantResponseDto] }) participants!: TaskParticipantResponseDto[];
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt!: string | null;
}

export class TaskPageResponseDto {
  @ApiProperty({ type: [TaskResponseDto] }) items!: TaskResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

class StatusNameDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

class RecordedDecisionDto implements RecordedDecision {
  @ApiProperty() code!: string;
  @ApiProperty({ type: 'integer' }) policyVersion!: number;
}

export class TaskHistoryEntryResponseDto implements TaskHistoryEntry {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: StatusNameDto, nullable: true }) from!: StatusNameDto | null;
  @ApiProperty({ type: StatusNameDto }) to!: StatusNameDto;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ enum: TASK_ROLES, isArray: true, description: "The actor's roles in the task when it moved it" }) actorRoles!: TaskRole[];
  @ApiProperty({ enum: PERSON_KINDS, nullable: true }) actorKind!: PersonKind | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: RecordedDecisionDto, nullable: true }) decision!: RecordedDecisionDto | null;
}

class DecisionStepDto implements DecisionStep {
  @ApiProperty() rule!: string;
  @ApiProperty({ enum: ['allow', 'deny', 'none'] }) effect!: 'allow' | 'deny' | 'none';
  @ApiProperty() detail!: string;
}

export class TaskTransitionResponseDto {
  @ApiProperty({ format: 'uuid' }) statusId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STATUS_CATEGORIES }) category!: StatusCategory;
  @ApiProperty() color!: string;
  @ApiProperty({ description: 'The workflow has a transition from the current status to this one' }) transition!: boolean;
  @ApiProperty() allowed!: boolean;
  @ApiProperty({ example: 'TRANSITION.NOT_GRANTED' }) code!: string;
  @ApiProperty({ example: "'Approval' → 'In progress' is granted to auditor-contact; your roles here are auditor (employee)" })
  reason!: string;
  @ApiPropertyOptional({ type: [DecisionStepDto], description: 'The rules applied (answers about another person only)' })
  steps?: DecisionStepDto[];
}

export class TaskTransitionsResponseDto {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ type: TaskStatusResponseDto }) status!: TaskStatusResponseDto;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ type: [TaskTransitionResponseDto] }) transitions!: TaskTransitionResponseDto[];
}
