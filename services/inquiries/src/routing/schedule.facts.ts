import { isWorkingAt } from '@warden/kernel';
import type { WorkSchedule } from '@warden/kernel';
import type { RoutingCandidate } from './routing.policy';

/**
 * Work schedules are standing facts (they change rarely and travel with the roster); whether someone is
 * inside theirs is a fact of the decision's clock, worked out when deciding.
 */

/** Inside the schedule at `now`; null when the tenant does not route by schedules or none is known (counts as inside). */
export function insideScheduleAt(schedule: WorkSchedule | null, useWorkSchedules: boolean, now: Date): boolean | null {
  return useWorkSchedules && schedule !== null ? isWorkingAt(schedule, now) : null;
}

/** A candidate of the full evaluation (dry run, queue draining), with its schedule for each decision's clock. */
export interface ScheduledCandidate extends RoutingCandidate {
  schedule: WorkSchedule | null;
}

/** Sets every candidate's insideSchedule for this decision (candidates belong to the caller's evaluation). */
export function applyScheduleFacts(candidates: readonly ScheduledCandidate[], useWorkSchedules: boolean, now: Date): void {
  for (const candidate of candidates) candidate.insideSchedule = insideScheduleAt(candidate.schedule, useWorkSchedules, now);
}
