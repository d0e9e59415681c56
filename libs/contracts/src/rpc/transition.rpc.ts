// Transitions of a workflow and who may take them: read by workflow.* and task.* calls alike.
/** `participant`: any participant of the task, whatever its role. */
export const GRANT_ROLES = ['assigner', 'assignee', 'auditor', 'participant'] as const;
export type GrantRole = (typeof GRANT_ROLES)[number];

/** `any`: employees and contacts alike. */
export const GRANT_KINDS = ['employee', 'contact', 'any'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];

/** "auditor-contact", "any participant-employee", ... */
export interface RoleKindGrant {
  role: GrantRole;
  kind: GrantKind;
}

/** Who may perform one transition: (role, kind) pairs of the task's participants, groups, named people. */
export interface TransitionGrants {
  roles: RoleKindGrant[];
  groupIds: string[];
  personIds: string[];
}

/**
 * A transition in a create or update request, with the field names a read shows: `fromStatusId`
 * and `toStatusId` (status ids), so a workflow read can be written back. `from` and `to` are the
 * older spelling, still taken: a status id, or its name as given in the same request (so a new
 * workflow can be created in one call). `id` (as read) is ignored: a transition is its pair of statuses.
 */
export interface TransitionInput {
  id?: string;
  fromStatusId?: string;
  toStatusId?: string;
  from?: string;
  to?: string;
  grants?: Partial<TransitionGrants>;
}

/** One transition added to a task workflow. */
export interface AddTransitionData {
  workflowId: string;
  fromStatusId: string;
  toStatusId: string;
  grants?: Partial<TransitionGrants>;
}

/** One transition's grants replaced. */
export interface ChangeTransitionData {
  workflowId: string;
  transitionId: string;
  grants: Partial<TransitionGrants>;
}

export interface TransitionView {
  id: string;
  fromStatusId: string;
  toStatusId: string;
  grants: TransitionGrants;
}
