import type { WorkSchedule, WorkingReason } from '@warden/kernel';

/** An employee's work schedule; `schedule: null` when none is set (routing then counts it as working). */
export interface WorkScheduleView {
  personId: string;
  schedule: WorkSchedule | null;
  /** Grows with every change; 0 when a schedule was never set. */
  version: number;
  updatedAt: string | null;
}

/** "Working now" (or at `at`), by the employee's schedule; anyone who may see the staff may ask. */
export interface WorkingNowView {
  personId: string;
  /** The instant asked about. */
  at: string;
  working: boolean;
  reason: WorkingReason;
  /** When `working` flips next; null without a schedule or when nothing changes within 400 days. */
  nextChangeAt: string | null;
  timeZone: string | null;
  /** The schedule's wall clock at `at`. */
  local: { date: string; time: string; weekday: string } | null;
}

export interface ScheduleRpc {
  /** 404 STAFF.NOT_FOUND for anyone who is not an employee of the tenant. */
  'identity.schedules.get': { request: { personId: string }; response: WorkScheduleView };
  /**
   * Replaces the whole schedule. `schedule` is validated here (422 SCHEDULE.INVALID naming each field, e.g.
   * `weekly.mon.1.end`); no `timeZone` means UTC. 409 STAFF.DELETED for a deleted employee.
   */
  'identity.schedules.put': { request: { personId: string; schedule: unknown }; response: WorkScheduleView };
  /** Removes the schedule; clearing none changes nothing (and announces nothing). */
  'identity.schedules.clear': { request: { personId: string }; response: WorkScheduleView };
  'identity.schedules.working-now': { request: { personId: string; at?: string }; response: WorkingNowView };
}
