import { ApiProperty } from '@nestjs/swagger';
import { STATUS_CATEGORIES, WORKFLOW_KINDS } from '@warden/contracts';
import type { StatusCategory, StatusView, WorkflowKind, WorkflowView } from '@warden/contracts';

export class StatusResponseDto implements StatusView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workflowId!: string;
  @ApiProperty({ example: 'In repair' }) name!: string;
  @ApiProperty({ example: '#3f51b5' }) color!: string;
  @ApiProperty({ example: 0 }) position!: number;
  @ApiProperty({ enum: STATUS_CATEGORIES, description: 'final = closed: the order is checked and counted' }) category!: StatusCategory;
  @ApiProperty() archived!: boolean;
}

export class WorkflowResponseDto implements WorkflowView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Orders' }) name!: string;
  @ApiProperty({ enum: WORKFLOW_KINDS }) kind!: WorkflowKind;
  @ApiProperty({ description: 'Any status to any status; access levels decide who may set what' }) free!: boolean;
  @ApiProperty({ type: [StatusResponseDto] }) statuses!: StatusResponseDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
