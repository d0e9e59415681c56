import type { ConversationKind, ParticipantView, PersonKind } from '@warden/contracts';

/**
 * Who sees a conversation (and so may read, list, reply in it and receive it in realtime):
 * its participants; for an inquiry, the assigned employee; for inquiries and client chats, chat
 * administrators who can access the conversation's branch (one without a branch: every chat
 * administrator). Internal chats are seen by their participants only. Pure: the same rule
 * decides the lists, the reads and the realtime audience.
 */
export interface VisibilityTarget {
  kind: ConversationKind;
  branchId: string | null;
  participants: readonly ParticipantView[];
  assigneeId: string | null;
}

export interface ViewerScope {
  personId: string;
  kind: PersonKind;
  /** The directory contact a `contact` person signs in as (null for employees, or when unknown). */
  contactId: string | null;
  admin: boolean;
  allBranches: boolean;
  branchIds: readonly string[];
}

export type VisibilityGround = 'participant' | 'assignee' | 'chat-admin';

export function visibilityGround(target: VisibilityTarget, viewer: ViewerScope): VisibilityGround | null {
  const participant = target.participants.some((p) =>
    p.kind === 'employee' ? viewer.kind === 'employee' && p.id === viewer.personId : viewer.contactId !== null && p.id === viewer.contactId,
  );
  if (participant) return 'participant';
  if (viewer.kind !== 'employee') return null;
  if (target.kind === 'inquiry' && target.assigneeId === viewer.personId) return 'assignee';
  if (target.kind !== 'internal' && viewer.admin && (target.branchId === null || viewer.allBranches || viewer.branchIds.includes(target.branchId))) {
    return 'chat-admin';
  }
  return null;
}

export function canSee(target: VisibilityTarget, viewer: ViewerScope): boolean {
  return visibilityGround(target, viewer) !== null;
}
