import { PartialType } from '@nestjs/mapped-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PERSON_KINDS } from '../events/identity.events';
import type { PersonKind } from '../events/identity.events';
import { RIGHT_NAMES } from '../rights';
import type { Right } from '../rights';
import { NoData } from './rpc-request.contract';
import type { RpcRequestContracts } from './rpc-request.contract';
import { GroupIdRef, PersonIdRef } from './status-access.rpc';
import type { AccessLevel } from './status-access.rpc';
import type { PolicyChange } from './policy-change.rpc';
import { IsId, Trim } from './request-fields';

/** What a check is about, beyond the right itself (an order in a status, a target status, ...). */
export interface ResourceRef {
  type: string;
  [attribute: string]: string | number | boolean | null | undefined;
}

/**
 * A resource as a check takes it: an object with a string `type` and scalar attributes. Which attributes a type
 * needs is its rule's business (services/permissions/src/resource-rules.ts), so they are not listed, only kept flat.
 */
export function isResourceRef(value: unknown): value is ResourceRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === 'string' &&
    Object.values(value).every((attribute) => attribute === null || ['string', 'number', 'boolean'].includes(typeof attribute))
  );
}

function IsResourceRef(): PropertyDecorator {
  return ValidateBy({
    name: 'isResourceRef',
    validator: {
      validate: (value: unknown) => isResourceRef(value),
      defaultMessage: () => '$property must be an object with a string `type` and scalar attributes',
    },
  });
}

/** Limits as GET /permissions/explain takes them (services/gateway/src/permissions/dto/explain.request.dto.ts). */
export class CheckData {
  @IsId() personId!: string;
  /** A right of the catalog or an action on a resource (libs/contracts/src/resource-actions.ts); others are answered `ACTION.UNKNOWN`. */
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z][a-z0-9.-]*$/, { message: 'must be a right or action name like orders.read' })
  action!: Right | string;
  /** Not a nested class: the attributes are free, so they are checked as a whole rather than whitelisted. */
  @IsOptional() @IsResourceRef() resource?: ResourceRef;
}

/** One step of the reasoning behind a decision, in the order it was applied. */
export interface DecisionStep {
  rule: string;
  effect: 'allow' | 'deny' | 'none';
  detail: string;
}

export interface Decision {
  allowed: boolean;
  /** Machine-readable reason, e.g. `RIGHT.NOT_GRANTED`, `LOGIN.GROUP_BARRED`, `ALLOWED.GROUP`. */
  code: string;
  /** A sentence a person can read. */
  reason: string;
  /** The tenant's policy version the decision was made under. */
  policyVersion: number;
}

export interface Explanation extends Decision {
  steps: DecisionStep[];
}

export interface GroupView {
  id: string;
  name: string;
  /** `administrator`, `employee`, `client` for the groups every tenant starts with. */
  systemKey: string | null;
  rights: Right[];
  loginBarred: boolean;
  memberCount: number;
  /** The group's level on a status nobody set a level on for it, by the status's kind and category. */
  defaultLevels: GroupDefaultLevels;
  createdAt: string;
  updatedAt: string;
}

/**
 * A new group has `none` on every order status until someone grants it (it sees no order), and
 * `set` on every task status (the transitions' grants decide who moves a task).
 */
export interface GroupDefaultLevels {
  order: { initial: AccessLevel; active: AccessLevel; final: AccessLevel };
  task: AccessLevel;
}

export interface GroupRef {
  id: string;
  name: string;
}

export interface RightOverride {
  right: Right;
  effect: 'allow' | 'deny';
}

/** A person's rights as an employee card shows them: groups, personal overrides, and the result. */
export interface PersonRights {
  personId: string;
  groups: GroupRef[];
  overrides: RightOverride[];
  /** Every right the person has after groups, overrides and login bars are applied. */
  effectiveRights: Right[];
}

export class ProvisionTenantData {
  @IsId() administratorId!: string;
}

/** A group's fields, limits as POST /groups takes them (services/gateway/src/groups/dto/create-group.request.dto.ts). */
export class GroupInput {
  /** Unique in the tenant, case-insensitively; kept without surrounding spaces. */
  @Trim() @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @IsArray()
  @ArrayMaxSize(RIGHT_NAMES.length)
  @IsIn(RIGHT_NAMES, { each: true, message: 'each value must be a right of the catalog' })
  rights!: Right[];
  @IsOptional() @IsBoolean() loginBarred?: boolean;
}

/** What PATCH /groups/{id} changes (also the body a `group` preview previews): the fields given. */
export class GroupChanges extends PartialType(GroupInput) {}

export class UpdateGroupData extends GroupChanges {
  @IsId() groupId!: string;
}

/** People joining a group, limits as POST /groups/{id}/members takes them (also the body a `group-members-add` preview previews). */
export class GroupMembersChange {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsId({ each: true }) personIds!: string[];
}

export class GroupMembersData extends GroupMembersChange {
  @IsId() groupId!: string;
}

export class MembershipsOfData {
  @IsArray() @IsId({ each: true }) personIds!: string[];
}

export class SetMembershipsData {
  @IsId() personId!: string;
  /** As staff creation and editing take them (services/gateway/src/staff/dto/create-staff.request.dto.ts). */
  @IsArray() @ArrayMaxSize(50) @IsId({ each: true }) groupIds!: string[];
  @IsOptional() @IsIn(PERSON_KINDS) kind?: PersonKind;
}

/** The contact's company as the directory answered at `at` (null: none). */
export class PortalContactCompany {
  @ValidateIf((_, value) => value !== null) @IsId() companyId!: string | null;
  @IsISO8601() at!: string;
}

export class GrantPortalData {
  @IsId() personId!: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PortalContactCompany) company?: PortalContactCompany;
}

/** A single right granted, denied or (null) left to the groups, as PUT /staff/{id}/rights takes it (also the body a `person-right` preview previews). */
export class RightOverrideChange {
  @IsIn(RIGHT_NAMES, { message: 'must be a right of the catalog' }) right!: Right;
  @IsIn(['allow', 'deny', null], { message: "must be 'allow', 'deny' or null" }) effect!: 'allow' | 'deny' | null;
}

export class SetOverrideData extends RightOverrideChange {
  @IsId() personId!: string;
}

export interface PermissionsRpc {
  'permissions.check': { request: CheckData; response: Decision };
  'permissions.explain': { request: CheckData; response: Explanation };
  /** Idempotent: creates the default groups the tenant (ctx.tenantId) lacks and makes the person an administrator. */
  'permissions.tenants.provision': { request: ProvisionTenantData; response: { groups: GroupView[]; policy: PolicyChange } };
  'permissions.groups.list': { request: NoData; response: GroupView[] };
  'permissions.groups.get': { request: GroupIdRef; response: GroupView & { memberIds: string[] } };
  'permissions.groups.create': { request: GroupInput; response: { group: GroupView; policy: PolicyChange } };
  'permissions.groups.update': { request: UpdateGroupData; response: { group: GroupView; policy: PolicyChange } };
  'permissions.groups.members.add': { request: GroupMembersData; response: { group: GroupView; policy: PolicyChange } };
  'permissions.groups.members.remove': { request: GroupMembersData; response: { group: GroupView; policy: PolicyChange } };
  /** Groups of each person, for composing staff views. */
  'permissions.memberships.of': { request: MembershipsOfData; response: Record<string, GroupRef[]> };
  /**
   * Makes a person's groups exactly these (empty = the tenant's Employee group). `kind` defaults to `employee`;
   * the person is recorded so a check right after this call knows them.
   */
  'permissions.memberships.set': { request: SetMembershipsData; response: { groups: GroupRef[]; policy: PolicyChange } };
  /**
   * A portal contact (person id = contact id) joins the tenant's Client group and is recorded as kind
   * `contact`; idempotent (also reached through identity.contact.access-granted.v1). `company` is the
   * contact's company as the directory answered at `at`, so its projects are there at its first sign-in
   * (the directory's contact events say the same a moment later).
   */
  'permissions.contacts.grant-portal': { request: GrantPortalData; response: { groups: GroupRef[]; policy: PolicyChange } };
  /** The contact leaves the Client group, so an access token it still holds stops working at once. */
  'permissions.contacts.revoke-portal': { request: PersonIdRef; response: { groups: GroupRef[]; policy: PolicyChange } };
  'permissions.overrides.list': { request: PersonIdRef; response: PersonRights };
  'permissions.overrides.set': { request: SetOverrideData; response: { overrides: RightOverride[]; policy: PolicyChange } };
}

export const PERMISSIONS_RPC_REQUESTS: RpcRequestContracts<PermissionsRpc> = {
  'permissions.check': CheckData,
  'permissions.explain': CheckData,
  'permissions.tenants.provision': ProvisionTenantData,
  'permissions.groups.list': NoData,
  'permissions.groups.get': GroupIdRef,
  'permissions.groups.create': GroupInput,
  'permissions.groups.update': UpdateGroupData,
  'permissions.groups.members.add': GroupMembersData,
  'permissions.groups.members.remove': GroupMembersData,
  'permissions.memberships.of': MembershipsOfData,
  'permissions.memberships.set': SetMembershipsData,
  'permissions.contacts.grant-portal': GrantPortalData,
  'permissions.contacts.revoke-portal': PersonIdRef,
  'permissions.overrides.list': PersonIdRef,
  'permissions.overrides.set': SetOverrideData,
};
