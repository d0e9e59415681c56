import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_LEVELS, GRANT_KINDS, GRANT_ROLES, STATUS_CATEGORIES, WORKFLOW_KINDS } from '@warden/contracts';
import type {
  AccessLevel,
  GrantKind,
  GrantRole,
  RoleKindGrant,
  StatusCategory,
  StatusView,
  TransitionGrants,
  TransitionView,
  WorkflowKind,
  WorkflowView,
} from '@warden/contracts';

export class StatusResponseDto implements StatusView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty({ example: 'In repair' }) name!: string;
  @ApiProperty({ example: '#3f51b5' }) color!: string;
  @ApiProperty({ type: 'integer', example: 0 }) position!: number;
  @ApiProperty({ enum: STATUS_CATEGORIES, description: 'final = closed: the order is checked and counted' }) category!: StatusCategory;
  @ApiProperty() archived!: boolean;
  @ApiPropertyOptional({ enum: ACCESS_LEVELS, description: "The caller's own level on this status (on reads)" }) myLevel?: AccessLevel;
}

export class RoleKindGrantResponseDto implements RoleKindGrant {
  @ApiProperty({ enum: GRANT_ROLES }) role!: GrantRole;
  @ApiProperty({ enum: GRANT_KINDS }) kind!: GrantKind;
}

export class TransitionGrantsResponseDto implements TransitionGrants {
  @ApiProperty({ type: [RoleKindGrantResponseDto] }) roles!: RoleKindGrantResponseDto[];
  @ApiProperty({ type: [String], format: 'uuid' }) groupIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) personIds!: string[];
}

export class WorkflowTransitionResponseDto implements TransitionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) fromStatusId!: string;
  @ApiProperty({ format: 'uuid' }) toStatusId!: string;
  @ApiProperty({ type: TransitionGrantsResponseDto }) grants!: TransitionGrantsResponseDto;
}

export class WorkflowResponseDto implements WorkflowView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Orders' }) name!: string;
  @ApiProperty({ enum: WORKFLOW_KINDS }) kind!: WorkflowKind;
  @ApiProperty({ description: 'Any status to any status; access levels decide who may set what' }) free!: boolean;
  @ApiProperty({ type: [StatusResponseDto] }) statuses!: StatusResponseDto[];
  @ApiProperty({ type: [WorkflowTransitionResponseDto], description: 'Explicit transitions of a task workflow; empty for free workflows' })
  transitions!: WorkflowTransitionResponseDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
