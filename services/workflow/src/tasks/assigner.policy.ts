import type { TaskParticipantInput, TaskParticipantView } from '@warden/contracts';

/**
 * A task keeps at least one assigner ("who set the task", docs/rules.md#tasks): transitions granted to
 * assigners and accountability both depend on one. Pure rule, checked before a participants change
 * writes anything. The change applies removals, then additions, so an assigner added in the same
 * request counts (replacing the assigner is one request). A task that already had no assigner is
 * not refused for changes that remove none: only the change that takes the last one away is.
 *
 * Returns the index of the `remove` entry that would take away the last assigner, or null.
 */
export function lastAssignerRemoval(
  current: readonly TaskParticipantView[],
  add: readonly TaskParticipantView[],
  remove: readonly TaskParticipantInput[],
): number | null {
  if (add.some((participant) => participant.role === 'assigner')) return null;
  const assigners = new Set(current.filter((participant) => participant.role === 'assigner').map((participant) => participant.personId));
  for (const [index, participant] of remove.entries()) {
    if (participant.role !== 'assigner' || !assigners.delete(participant.personId)) continue;
    if (assigners.size === 0) return index;
  }
  return null;
}
