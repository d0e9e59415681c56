// Transitions of a workflow and who may take them: read by workflow.* and task.* calls alike.
import { PartialType } from '@nestjs/mapped-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsId } from './request-fields';

/** `participant`: any participant of the task, whatever its role. */
export const GRANT_ROLES = ['assigner', 'assignee', 'auditor', 'participant'] as const;
export type GrantRole = (typeof GRANT_ROLES)[number];

/** `any`: employees and contacts alike. */
export const GRANT_KINDS = ['employee', 'contact', 'any'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];

/** "auditor-contact", "any participant-employee", ... */
export class RoleKindGrant {
  @IsIn(GRANT_ROLES) role!: GrantRole;
  @IsIn(GRANT_KINDS) kind!: GrantKind;
}

/** Who may perform one transition: (role, kind) pairs of the task's participants, groups, named people. */
export class TransitionGrants {
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => RoleKindGrant) roles!: RoleKindGrant[];
  @IsArray() @ArrayMaxSize(50) @IsId({ each: true }) groupIds!: string[];
  @IsArray() @ArrayMaxSize(50) @IsId({ each: true }) personIds!: string[];
}

/** Grants as a request gives them: a list left out is empty. */
export class TransitionGrantsInput extends PartialType(TransitionGrants) {}

/**
 * A transition in a create or update request, with the field names a read shows: `fromStatusId`
 * and `toStatusId` (status ids), so a workflow read can be written back. `from` and `to` are the
 * older spelling, still taken: a status id, or its name as given in the same request (so a new
 * workflow can be created in one call). `id` (as read) is ignored: a transition is its pair of statuses.
 */
export class TransitionInput {
  @IsOptional() @IsId() id?: string;
  @ValidateIf((input: TransitionInput) => input.from === undefined) @IsId() fromStatusId?: string;
  @ValidateIf((input: TransitionInput) => input.to === undefined) @IsId() toStatusId?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) from?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) to?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => TransitionGrantsInput) grants?: TransitionGrantsInput;
}

/** One transition added to a task workflow. */
export class AddTransitionData {
  @IsId() workflowId!: string;
  @IsId() fromStatusId!: string;
  @IsId() toStatusId!: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => TransitionGrantsInput) grants?: TransitionGrantsInput;
}

/** One transition's grants replaced. */
export class ChangeTransitionData {
  @IsId() workflowId!: string;
  @IsId() transitionId!: string;
  @IsObject() @ValidateNested() @Type(() => TransitionGrantsInput) grants!: TransitionGrantsInput;
}

/** One transition of a workflow, by its id. */
export class TransitionRef {
  @IsId() workflowId!: string;
  @IsId() transitionId!: string;
}

export interface TransitionView {
  id: string;
  fromStatusId: string;
  toStatusId: string;
  grants: TransitionGrants;
}
