import type { GroupView } from '@warden/contracts';
import type { AuditChange, AuditValues } from '@warden/messaging';

/** What the audit log shows of a group (libs/messaging/src/audit.recorder.ts keeps the fields that changed). */
export function groupValues(group: GroupView): AuditValues {
  return { name: group.name, rights: [...group.rights].sort(), loginBarred: group.loginBarred };
}

/** Members who joined or left a group: `members.<personId>` false before and true after, or the reverse. */
export function membershipChange(groupId: string, added: readonly string[], removed: readonly string[]): AuditChange {
  const before: Record<string, boolean> = {};
  const after: Record<string, boolean> = {};
  for (const id of added) [before[id], after[id]] = [false, true];
  for (const id of removed) [before[id], after[id]] = [true, false];
  const action = added.length > 0 ? 'group.members.added' : 'group.members.removed';
  return { action, resource: { type: 'group', id: groupId }, before: { members: before }, after: { members: after } };
}
