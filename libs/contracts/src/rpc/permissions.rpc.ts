import type { PersonKind } from '../events/identity.events';
import type { Right } from '../rights';
import type { AccessLevel } from './status-access.rpc';
import type { PolicyChange } from './policy-change.rpc';

/** What a check is about, beyond the right itself (an order in a status, a target status, ...). */
export interface ResourceRef {
  type: string;
  [attribute: string]: string | number | boolean | null | undefined;
}

export interface CheckData {
  personId: string;
  action: Right | string;
  resource?: ResourceRef;
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

export interface PermissionsRpc {
  'permissions.check': { request: CheckData; response: Decision };
  'permissions.explain': { request: CheckData; response: Explanation };
  /** Idempotent: creates the default groups the tenant (ctx.tenantId) lacks and makes the person an administrator. */
  'permissions.tenants.provision': { request: { administratorId: string }; response: { groups: GroupView[]; policy: PolicyChange } };
  'permissions.groups.list': { request: Record<string, never>; response: GroupView[] };
  'permissions.groups.get': { request: { groupId: string }; response: GroupView & { memberIds: string[] } };
  'permissions.groups.create': { request: { name: string; rights: Right[]; loginBarred?: boolean }; response: { group: GroupView; policy: PolicyChange } };
  'permissions.groups.update': {
    request: { groupId: string; name?: string; rights?: Right[]; loginBarred?: boolean };
    response: { group: GroupView; policy: PolicyChange };
  };
  'permissions.groups.members.add': { request: { groupId: string; personIds: string[] }; response: { group: GroupView; policy: PolicyChange } };
  'permissions.groups.members.remove': { request: { groupId: string; personIds: string[] }; response: { group: GroupView; policy: PolicyChange } };
  /** Groups of each person, for composing staff views. */
  'permissions.memberships.of': { request: { personIds: string[] }; response: Record<string, GroupRef[]> };
  /** Makes a person's groups exactly these (empty = the tenant's Employee group). */
  'permissions.memberships.set': {
    /** `kind` defaults to `employee`; the person is recorded so a check right after this call knows them. */
    request: { personId: string; groupIds: string[]; kind?: PersonKind };
    response: { groups: GroupRef[]; policy: PolicyChange };
  };
  /**
   * A portal contact (person id = contact id) joins the tenant's Client group and is recorded as kind
   * `contact`; idempotent (also reached through identity.contact.access-granted.v1). `company` is the
   * contact's company as the directory answered at `at`, so its projects are there at its first sign-in
   * (the directory's contact events say the same a moment later).
   */
  'permissions.contacts.grant-portal': {
    request: { personId: string; company?: { companyId: string | null; at: string } };
    response: { groups: GroupRef[]; policy: PolicyChange };
  };
  /** The contact leaves the Client group, so an access token it still holds stops working at once. */
  'permissions.contacts.revoke-portal': { request: { personId: string }; response: { groups: GroupRef[]; policy: PolicyChange } };
  'permissions.overrides.list': { request: { personId: string }; response: PersonRights };
  'permissions.overrides.set': {
    request: { personId: string; right: Right; effect: 'allow' | 'deny' | null };
    response: { overrides: RightOverride[]; policy: PolicyChange };
  };
}
