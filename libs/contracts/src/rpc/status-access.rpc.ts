import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import type { StatusCategory, WorkflowKind } from '../events/workflow.events';
import type { PolicyChange } from './policy-change.rpc';
import type { RpcRequestContracts } from './rpc-request.contract';
import { IsId } from './request-fields';

export const ACCESS_LEVELS = ['none', 'view', 'set'] as const;
/**
 * none: does not see orders in the status; view: sees them; set: sees them and may put orders into
 * it. On a task status, `set` is needed to move a task into it (on top of the transition's grant).
 */
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** Where an effective level comes from. */
export type LevelSource = 'person' | 'group' | 'default';

export interface PersonStatusLevelView {
  statusId: string;
  name: string;
  category: StatusCategory;
  archived: boolean;
  /** What applies: the personal override if any, else the highest level among the person's groups. */
  level: AccessLevel;
  /** The personal override, or null when the groups decide. */
  override: AccessLevel | null;
  /** The highest level among the person's groups. */
  groupLevel: AccessLevel;
  source: LevelSource;
}

export interface GroupStatusLevelView {
  statusId: string;
  name: string;
  category: StatusCategory;
  archived: boolean;
  level: AccessLevel;
  /** False while the group keeps the default level for its kind. */
  explicit: boolean;
}

export interface StatusAccessWorkflow<T> {
  workflowId: string;
  name: string;
  /** Order or task workflow: task statuses default to `set` for everyone, and the closed-order flag does not apply. */
  kind: WorkflowKind;
  statuses: T[];
}

export interface PersonStatusAccessView {
  personId: string;
  /** May change the status of an order that is in a final (closed) status. */
  mayChangeClosed: boolean;
  /** False while the flag is the default (administrators may, others may not). */
  mayChangeClosedExplicit: boolean;
  workflows: StatusAccessWorkflow<PersonStatusLevelView>[];
}

export interface GroupStatusAccessView {
  groupId: string;
  workflows: StatusAccessWorkflow<GroupStatusLevelView>[];
}

/**
 * The person (or group) a permissions RPC is about: its status access here, its rights, portal membership and order
 * and project sight in the other files of the permissions service, which import them from this one.
 */
export class PersonIdRef {
  @IsId() personId!: string;
}

export class GroupIdRef {
  @IsId() groupId!: string;
}

/** Limits as PUT /staff/{id}/status-access and PUT /groups/{id}/status-access take them (services/gateway/src/status-access/dto). */
export class StatusLevelInput {
  @IsId() statusId!: string;
  /** null removes the override (person) or restores the default (group). */
  @ValidateIf((_, value) => value !== null)
  @IsIn(ACCESS_LEVELS, { message: 'must be one of none, view, set (or null)' })
  level!: AccessLevel | null;
}

/** A group's levels to set: only the statuses listed change (also the body a `group-status-access` preview previews). */
export class StatusLevelsChange {
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => StatusLevelInput) levels!: StatusLevelInput[];
}

/** A person's levels and closed-order flag to set (also the body a `person-status-access` preview previews). */
export class PersonStatusLevelsChange extends StatusLevelsChange {
  /** null restores the default (administrators may, others may not); omitted leaves the flag as it is. */
  @IsOptional() @IsBoolean() mayChangeClosed?: boolean | null;
}

export class PutPersonStatusAccessData extends PersonStatusLevelsChange {
  @IsId() personId!: string;
}

export class PutGroupStatusAccessData extends StatusLevelsChange {
  @IsId() groupId!: string;
}

export interface StatusAccessRpc {
  /** Statuses in which the person sees orders (level view or set), for list filters. */
  'permissions.orders.visible-statuses': { request: PersonIdRef; response: { statusIds: string[]; policyVersion: number } };
  'permissions.status-access.person.get': { request: PersonIdRef; response: PersonStatusAccessView };
  'permissions.status-access.person.put': {
    request: PutPersonStatusAccessData;
    response: { access: PersonStatusAccessView; policy: PolicyChange };
  };
  'permissions.status-access.group.get': { request: GroupIdRef; response: GroupStatusAccessView };
  'permissions.status-access.group.put': {
    request: PutGroupStatusAccessData;
    response: { access: GroupStatusAccessView; policy: PolicyChange };
  };
}

export const STATUS_ACCESS_RPC_REQUESTS: RpcRequestContracts<StatusAccessRpc> = {
  'permissions.orders.visible-statuses': PersonIdRef,
  'permissions.status-access.person.get': PersonIdRef,
  'permissions.status-access.person.put': PutPersonStatusAccessData,
  'permissions.status-access.group.get': GroupIdRef,
  'permissions.status-access.group.put': PutGroupStatusAccessData,
};
