import type { StatusCategory, WorkflowKind } from '../events/workflow.events';
import type { PolicyChange } from './policy-change.rpc';

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

export interface StatusLevelInput {
  statusId: string;
  /** null removes the override (person) or restores the default (group). */
  level: AccessLevel | null;
}

export interface StatusAccessRpc {
  /** Statuses in which the person sees orders (level view or set), for list filters. */
  'permissions.orders.visible-statuses': { request: { personId: string }; response: { statusIds: string[]; policyVersion: number } };
  'permissions.status-access.person.get': { request: { personId: string }; response: PersonStatusAccessView };
  'permissions.status-access.person.put': {
    request: { personId: string; levels: StatusLevelInput[]; mayChangeClosed?: boolean | null };
    response: { access: PersonStatusAccessView; policy: PolicyChange };
  };
  'permissions.status-access.group.get': { request: { groupId: string }; response: GroupStatusAccessView };
  'permissions.status-access.group.put': {
    request: { groupId: string; levels: StatusLevelInput[] };
    response: { access: GroupStatusAccessView; policy: PolicyChange };
  };
}
