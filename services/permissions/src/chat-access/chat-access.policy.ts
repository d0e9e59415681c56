import type { ConversationKind, DecisionStep, InquiryScope, ParticipantView, PersonKind } from '@warden/contracts';

/**
 * Who may see and change conversations and inquiries, in one place. Pure: no
 * framework, no database; the `conversation` and `inquiry` rules feed it the facts they read.
 *
 * - A conversation is seen (read, listed, replied to) by its participants; an inquiry also by its
 *   assigned employee; inquiries and client chats also by chat administrators (`inquiries.admin`) who
 *   can access the item's branch (one without a branch: every chat administrator). Internal chats are
 *   seen by their participants only. Everyone else is told the item does not exist.
 * - An inquiry is closed and reassigned by a chat administrator of its branch or its assigned employee.
 * - Reassigning to an employee working only in branches the person cannot access needs
 *   `inquiries.assign-other-branches`.
 */
export interface ChatTarget {
  kind: ConversationKind;
  branchId: string | null;
  participants: readonly ParticipantView[];
  assigneeId: string | null;
}

export interface ChatViewerScope {
  personId: string;
  kind: PersonKind;
  /** The directory contact a `contact` person signs in as (null for employees, or when unknown). */
  contactId: string | null;
  /** `inquiries.admin`. */
  admin: boolean;
  /** Directory's all-branches flag or the right `branches.all`. */
  allBranches: boolean;
  branchIds: readonly string[];
}

/** The employee an inquiry would be reassigned to, as the chat read models know it. */
export interface AssigneeScope {
  name: string;
  allBranches: boolean;
  branchIds: readonly string[];
}

export type VisibilityGround = 'participant' | 'assignee' | 'chat-admin';

export const CHAT_ACTIONS = ['see', 'post', 'reassign', 'close', 'assign-branch'] as const;
export type ChatAction = (typeof CHAT_ACTIONS)[number];

export interface ChatVerdict {
  allowed: boolean;
  code: string;
  reason: string;
}

export interface ChatQuestion {
  /** The resource type asked about: an inquiry is a conversation of kind `inquiry`. */
  what: 'conversation' | 'inquiry';
  action: ChatAction;
  target: ChatTarget;
  viewer: ChatViewerScope;
  /** `assign-branch`: the assignee (null: not an employee of this organisation). */
  assignee?: AssigneeScope | null;
  /** `assign-branch`: `inquiries.assign-other-branches`. */
  assignOtherBranches?: boolean;
}

export function visibilityGround(target: ChatTarget, viewer: ChatViewerScope): VisibilityGround | null {
  const participant = target.participants.some((p) =>
    p.kind === 'employee' ? viewer.kind === 'employee' && p.id === viewer.personId : viewer.contactId !== null && p.id === viewer.contactId,
  );
  if (participant) return 'participant';
  if (viewer.kind !== 'employee') return null;
  if (target.kind === 'inquiry' && target.assigneeId === viewer.personId) return 'assignee';
  if (
    target.kind !== 'internal' &&
    viewer.admin &&
    (target.branchId === null || viewer.allBranches || viewer.branchIds.includes(target.branchId))
  ) {
    return 'chat-admin';
  }
  return null;
}

/**
 * The same visibility rule for lists, as a filter the inquiries service puts into SQL: a client's
 * own inquiries (its contact is an inquiry's only participant), an employee's assigned ones, and a
 * chat administrator's branches (inquiries without a branch included).
 */
export function inquiryListScope(viewer: ChatViewerScope): InquiryScope {
  if (viewer.kind !== 'employee') return { assigneeId: null, contactId: viewer.contactId, adminBranches: null };
  return {
    assigneeId: viewer.personId,
    contactId: null,
    adminBranches: viewer.admin ? { all: viewer.allBranches, branchIds: viewer.allBranches ? [] : [...viewer.branchIds] } : null,
  };
}

const GROUNDS: Record<VisibilityGround, { code: string; detail: string }> = {
  participant: { code: 'ALLOWED.CHAT_PARTICIPANT', detail: 'Takes part in it' },
  assignee: { code: 'ALLOWED.INQUIRY_ASSIGNEE', detail: 'Is the assigned employee' },
  'chat-admin': { code: 'ALLOWED.CHAT_ADMIN', detail: "A chat administrator ('inquiries.admin') who can access its branch" },
};

function list(ids: readonly string[]): string {
  return ids.length === 0 ? 'none' : ids.join(', ');
}

/** Why nobody of the three grounds applies, in the words an administrator asks in. */
function notVisibleDetail(target: ChatTarget, viewer: ChatViewerScope, what: string): string {
  if (viewer.kind !== 'employee')
    return `A client sees only the ${what}s it takes part in${viewer.contactId ? '' : ' (this login is linked to no contact)'}`;
  const parts = [target.kind === 'inquiry' ? 'Neither takes part in it nor is its assigned employee' : 'Does not take part in it'];
  if (target.kind === 'internal') parts.push('an internal chat is seen by its participants only');
  else if (!viewer.admin) parts.push("is no chat administrator ('inquiries.admin')");
  else
    parts.push(
      `a chat administrator sees the ${what}s of the branches it can access, and its branch ${target.branchId} is not one of them (the person's branches: ${list(viewer.branchIds)})`,
    );
  return parts.join('; ');
}

function refuse(steps: DecisionStep[], rule: string, code: string, reason: string, detail = reason): ChatVerdict {
  steps.push({ rule, effect: 'deny', detail });
  return { allowed: false, code, reason };
}

/** One action on a conversation or inquiry: seeing it first, then managing it, then the assignee's branch. */
export function decideChatAction(question: ChatQuestion, steps: DecisionStep[]): ChatVerdict {
  const { what, action, target, viewer } = question;
  const WHAT = what.toUpperCase();
  const ground = visibilityGround(target, viewer);
  if (!ground)
    return refuse(
      steps,
      `${what}.visible`,
      `${WHAT}.NOT_VISIBLE`,
      `The person does not see this ${what}`,
      notVisibleDetail(target, viewer, what),
    );
  steps.push({ rule: `${what}.visible`, effect: 'allow', detail: GROUNDS[ground].detail });
  if (action === 'see' || action === 'post')
    return {
      allowed: true,
      code: GROUNDS[ground].code,
      reason: `May ${action === 'see' ? 'see' : 'post in'} this ${what}: ${GROUNDS[ground].detail.toLowerCase()}`,
    };

  if (ground === 'participant') {
    const verb = action === 'close' ? 'close' : 'reassign';
    return refuse(
      steps,
      'inquiry.manage',
      action === 'close' ? 'INQUIRY.CLOSE_FORBIDDEN' : 'INQUIRY.REASSIGN_FORBIDDEN',
      `Only a chat administrator of the inquiry’s branch or its assigned employee may ${verb} it`,
    );
  }
  steps.push({ rule: 'inquiry.manage', effect: 'allow', detail: `${GROUNDS[ground].detail}: may close and reassign it` });
  if (action !== 'assign-branch')
    return { allowed: true, code: GROUNDS[ground].code, reason: `May ${action} this inquiry: ${GROUNDS[ground].detail.toLowerCase()}` };

  const assignee = question.assignee;
  if (!assignee)
    return refuse(steps, 'inquiry.assignee-branch', 'INQUIRY.ASSIGNEE_UNKNOWN', 'The assignee is not an employee of this organisation');
  const shared =
    viewer.allBranches ||
    assignee.allBranches ||
    assignee.branchIds.length === 0 ||
    assignee.branchIds.some((id) => viewer.branchIds.includes(id));
  if (shared) {
    const detail = `${assignee.name} works in a branch the person can access (${assignee.allBranches || assignee.branchIds.length === 0 ? 'any branch' : list(assignee.branchIds)}; the person's: ${viewer.allBranches ? 'all' : list(viewer.branchIds)})`;
    steps.push({ rule: 'inquiry.assignee-branch', effect: 'allow', detail });
    return { allowed: true, code: 'ALLOWED.SAME_BRANCH', reason: `May reassign this inquiry to ${assignee.name}` };
  }
  if (question.assignOtherBranches) {
    steps.push({
      rule: 'inquiry.assignee-branch',
      effect: 'allow',
      detail: `${assignee.name} works only in other branches (${list(assignee.branchIds)}); 'inquiries.assign-other-branches' allows it`,
    });
    return { allowed: true, code: 'ALLOWED.OTHER_BRANCHES', reason: `May reassign this inquiry to ${assignee.name} in another branch` };
  }
  return refuse(
    steps,
    'inquiry.assignee-branch',
    'INQUIRY.OTHER_BRANCH_FORBIDDEN',
    `${assignee.name} works only in branches you cannot access; reassigning there needs the right 'inquiries.assign-other-branches'`,
    `${assignee.name} works only in branches ${list(assignee.branchIds)}, none of which the person can access (${list(viewer.branchIds)}), and it lacks 'inquiries.assign-other-branches'`,
  );
}
