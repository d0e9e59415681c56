import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { PERSON_KINDS } from './identity.events';
import type { PersonKind } from './identity.events';

/** The roles a person can hold in a task (docs/rules.md#tasks). One person may hold several. */
export const TASK_ROLES = ['assigner', 'assignee', 'auditor'] as const;
export type TaskRole = (typeof TASK_ROLES)[number];

export class TaskParticipantV1 {
  @IsUUID() personId!: string;
  @IsIn(PERSON_KINDS) kind!: PersonKind;
  @IsIn(TASK_ROLES) role!: TaskRole;
}

export class TaskStatusRefV1 {
  @IsUUID() id!: string;
  @IsString() name!: string;
}

export class TaskCreatedV1 {
  static readonly type = 'workflow.task.created.v1';
  @IsUUID() taskId!: string;
  @IsString() title!: string;
  @IsOptional() @IsUUID() projectId!: string | null;
  @IsOptional() @IsUUID() templateId!: string | null;
  @IsUUID() workflowId!: string;
  @ValidateNested() @Type(() => TaskStatusRefV1) status!: TaskStatusRefV1;
  @IsArray() @ValidateNested({ each: true }) @Type(() => TaskParticipantV1) participants!: TaskParticipantV1[];
  @IsOptional() @IsUUID() createdBy!: string | null;
  @IsISO8601() at!: string;
}

/** Every status change of a task, with the role(s) and kind the actor held in the task when it moved it. */
export class TaskStatusChangedV1 {
  static readonly type = 'workflow.task.status-changed.v1';
  @IsUUID() taskId!: string;
  @ValidateNested() @Type(() => TaskStatusRefV1) from!: TaskStatusRefV1;
  @ValidateNested() @Type(() => TaskStatusRefV1) to!: TaskStatusRefV1;
  @IsOptional() @IsUUID() actorId!: string | null;
  /** The actor's roles in the task at the time of the change (empty: allowed through a group or by name). */
  @IsArray() @ArrayUnique() @IsIn(TASK_ROLES, { each: true }) actorRoles!: TaskRole[];
  @IsOptional() @IsIn(PERSON_KINDS) actorKind!: PersonKind | null;
  /** The permissions decision's code, e.g. `ALLOWED.TRANSITION_ROLE`. */
  @IsString() decisionCode!: string;
  @IsInt() @Min(0) policyVersion!: number;
  @IsISO8601() at!: string;
}

/** Who joined and left a task; `participants` is the whole list afterwards (a snapshot for read models). */
export class TaskParticipantsChangedV1 {
  static readonly type = 'workflow.task.participants-changed.v1';
  @IsUUID() taskId!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => TaskParticipantV1) added!: TaskParticipantV1[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => TaskParticipantV1) removed!: TaskParticipantV1[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => TaskParticipantV1) participants!: TaskParticipantV1[];
  @IsOptional() @IsUUID() actorId!: string | null;
  @IsISO8601() at!: string;
}
