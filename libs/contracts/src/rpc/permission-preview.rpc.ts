import { Type } from 'class-transformer';
import type { TypeHelpOptions } from 'class-transformer';
import { IsArray, IsIn, IsObject, ValidateIf, ValidateNested } from 'class-validator';
import { DepartmentChanges } from './directory.rpc';
import { GroupChanges, GroupMembersChange, RightOverrideChange } from './permissions.rpc';
import type { RpcRequestContract, RpcRequestContracts } from './rpc-request.contract';
import { PersonIdRef, PersonStatusLevelsChange, StatusLevelsChange } from './status-access.rpc';
import { TaskVisibility } from './task.rpc';
import { OrderScope } from './workflow.rpc';
import { IsId } from './request-fields';

/**
 * What a permission change would do before it is made (`POST /permissions/preview`): which change it
 * previews, named by the route it would go through (the body is exactly that route's body).
 */
export const PREVIEW_KINDS = [
  'person-status-access',
  'group-status-access',
  'group',
  'person-right',
  'group-members-add',
  'group-member-remove',
  'department',
] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

/**
 * The kinds the preview answers today, each with the class of its route's body (the gateway checks the body against
 * that route's DTO first: services/gateway/src/permissions/preview-kinds.ts). Kinds missing here are not supported yet.
 */
const PREVIEW_CHANGES: Partial<Record<PreviewKind, RpcRequestContract<object>>> = {
  'person-status-access': PersonStatusLevelsChange,
  'group-status-access': StatusLevelsChange,
  'group-members-add': GroupMembersChange,
  'group-member-remove': PersonIdRef,
  group: GroupChanges,
  'person-right': RightOverrideChange,
  department: DepartmentChanges,
};

/** The kinds the preview answers today; the others answer 422 naming `kind`. */
export const SUPPORTED_PREVIEW_KINDS = Object.keys(PREVIEW_CHANGES) as readonly PreviewKind[];

function changeClassOf(kind: unknown): RpcRequestContract<object> | undefined {
  return typeof kind === 'string' && Object.hasOwn(PREVIEW_CHANGES, kind) ? PREVIEW_CHANGES[kind as PreviewKind] : undefined;
}

/** Why a kind is refused (422 on `kind`), said the same by the gateway and the permissions service. */
export function unsupportedPreviewKind(kind: string): string {
  return `previewing '${kind}' is not supported yet (supported: ${SUPPORTED_PREVIEW_KINDS.join(', ')})`;
}

/** Orders one side of a change sees and the other does not: how many, per status, and the newest few ids. */
export interface SightDelta {
  total: number;
  byStatus: Array<{ statusId: string; count: number }>;
  /** Up to 10 ids, newest first (the order of the lists). */
  sample: string[];
}

export interface PreviewAction {
  /** A right of the catalog, `order.status.set` (with the status) or `order.closed.change`. */
  action: string;
  statusId?: string;
}

/** A decision as GET /permissions/explain words it: its code and its sentence. */
export interface PreviewVerdict {
  /** For a right, explain's code (`ALLOWED.GROUP`, `RIGHT.NOT_GRANTED`, `RIGHT.DENIED_PERSONALLY`, ...); for a status, the level. */
  code: string;
  reason: string;
}

/**
 * One decision the change would turn, in the terms of /permissions/explain: a right of the catalog, the person's
 * level on a status (`order.status.level`, with the status) or the closed-order flag (`order.closed.change`).
 */
export interface PreviewExplanation {
  action: string;
  statusId?: string;
  before: PreviewVerdict;
  after: PreviewVerdict;
}

export interface PersonPreview {
  personId: string;
  orders: { lose: SightDelta; gain: SightDelta };
  tasks: { lose: SightDelta; gain: SightDelta };
  actions: { lose: PreviewAction[]; gain: PreviewAction[] };
  /** Why: the explain steps that differ before and after the change. */
  explain: PreviewExplanation[];
}

export interface PermissionPreview {
  /** The policy version the preview was computed on; a preview never changes it. */
  policyVersion: number;
  /** Only people whose sight or actions change. */
  people: PersonPreview[];
}

export class PreviewData {
  @IsIn(PREVIEW_KINDS) kind!: PreviewKind;
  /** The `{id}` of the route previewed: a person, a group or a department. */
  @IsId() targetId!: string;
  /**
   * The previewed route's body, checked against the class of its kind (PREVIEW_CHANGES) as the change itself would
   * be; an unsupported kind's body is not looked at, the service refuses the kind.
   */
  @ValidateIf((data: PreviewData) => changeClassOf(data.kind) !== undefined)
  @IsObject()
  @ValidateNested()
  @Type((options?: TypeHelpOptions) => changeClassOf((options?.object as Partial<PreviewData> | undefined)?.kind) ?? Object)
  change!: object;
}

/** The list filter of orders, as `workflow.orders.list` takes it (statuses seen plus the department / client scope). */
export class OrderSight {
  @IsArray() @IsId({ each: true }) statusIds!: string[];
  @IsObject() @ValidateNested() @Type(() => OrderScope) scope!: OrderScope;
}

/** One person's order list filter before a change and after it. */
export class SightPair {
  @IsObject() @ValidateNested() @Type(() => OrderSight) before!: OrderSight;
  @IsObject() @ValidateNested() @Type(() => OrderSight) after!: OrderSight;
}

export class SightDiffData {
  @IsArray() @ValidateNested({ each: true }) @Type(() => SightPair) pairs!: SightPair[];
}

/** One person's task list filter (`workflow.tasks.list`'s visibility) before a change and after it. */
export class TaskSightPair {
  @IsObject() @ValidateNested() @Type(() => TaskVisibility) before!: TaskVisibility;
  @IsObject() @ValidateNested() @Type(() => TaskVisibility) after!: TaskVisibility;
}

export class TaskSightDiffData {
  @IsArray() @ValidateNested({ each: true }) @Type(() => TaskSightPair) pairs!: TaskSightPair[];
}

export interface PermissionPreviewRpc {
  'permissions.preview': { request: PreviewData; response: PermissionPreview };
  /**
   * For each pair, the orders seen under `before` and not under `after` (lose) and the reverse (gain),
   * counted in SQL under the same filter as the order lists.
   */
  'workflow.orders.sight-diff': { request: SightDiffData; response: Array<{ lose: SightDelta; gain: SightDelta }> };
  /** The same for tasks: the tasks seen under `before` and not under `after`, and the reverse, under the task lists' filter. */
  'workflow.tasks.sight-diff': { request: TaskSightDiffData; response: Array<{ lose: SightDelta; gain: SightDelta }> };
}

export const PERMISSION_PREVIEW_RPC_REQUESTS: RpcRequestContracts<PermissionPreviewRpc> = {
  'permissions.preview': PreviewData,
  'workflow.orders.sight-diff': SightDiffData,
  'workflow.tasks.sight-diff': TaskSightDiffData,
};
