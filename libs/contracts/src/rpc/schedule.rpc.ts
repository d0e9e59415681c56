import { IsISO8601, IsObject, IsOptional } from 'class-validator';
import type { WorkSchedule, WorkingReason } from '@warden/kernel';
import { StaffRef } from './identity.rpc';
import type { RpcRequestContracts } from './rpc-request.contract';

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

/** The whole schedule of an employee; its content is identity's to check (services/identity/src/schedules). */
export class PutScheduleData extends StaffRef {
  /** Checked by the schedule's own rules, which name each field (`weekly.mon.1.end`); here only that it is an object. */
  @IsObject() schedule!: unknown;
}

export class WorkingNowData extends StaffRef {
  /** The instant asked about (ISO 8601); now when missing. */
  @IsOptional() @IsISO8601({ strict: true }) at?: string;
}

export interface ScheduleRpc {
  /** 404 STAFF.NOT_FOUND for anyone who is not an employee of the tenant. */
  'identity.schedules.get': { request: StaffRef; response: WorkScheduleView };
  /**
   * Replaces the whole schedule. `schedule` is validated here (422 SCHEDULE.INVALID naming each field, e.g.
   * `weekly.mon.1.end`); no `timeZone` means UTC. 409 STAFF.DELETED for a deleted employee.
   */
  'identity.schedules.put': { request: PutScheduleData; response: WorkScheduleView };
  /** Removes the schedule; clearing none changes nothing (and announces nothing). */
  'identity.schedules.clear': { request: StaffRef; response: WorkScheduleView };
  'identity.schedules.working-now': { request: WorkingNowData; response: WorkingNowView };
}

export const SCHEDULE_RPC_REQUESTS: RpcRequestContracts<ScheduleRpc> = {
  'identity.schedules.get': StaffRef,
  'identity.schedules.put': PutScheduleData,
  'identity.schedules.clear': StaffRef,
  'identity.schedules.working-now': WorkingNowData,
};
