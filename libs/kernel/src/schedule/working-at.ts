import { WEEKDAYS, parseCalendarDate, parseClockTime } from './work-schedule';
import type { Weekday, WorkInterval, WorkSchedule } from './work-schedule';
import { MINUTES_PER_DAY, formatLocal, localEpochMinute, offsetMinutes, weekdayIndex } from './zone-clock';

/**
 * Whether someone works at an instant, by its schedule's local wall clock. A day's hours are those of
 * its exception if the date has one, else its weekday's. Across a DST change the wall clock decides:
 * hours inside a skipped hour do not happen, hours inside a repeated hour happen twice.
 */

export type WorkingReason =
  /** No schedule is known: counted as working (routing does the same). */
  | 'no_schedule'
  | 'weekly_hours'
  | 'exception_hours'
  | 'outside_weekly_hours'
  | 'outside_exception_hours'
  /** The weekday has no hours. */
  | 'weekly_day_off'
  /** The date is an exception without hours. */
  | 'exception_day_off';

export interface WorkingState {
  working: boolean;
  reason: WorkingReason;
  /** The next instant `working` flips; null when there is no schedule or no change within NEXT_CHANGE_HORIZON_DAYS. */
  nextChangeAt: Date | null;
  /** The schedule's wall clock at the instant (absent without a schedule). */
  local: { date: string; time: string; weekday: Weekday } | null;
}

/** How far ahead nextChangeAt is looked for. */
export const NEXT_CHANGE_HORIZON_DAYS = 400;

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const NO_HOURS: readonly number[] = [];

/** A schedule in minutes: each day's hours as a flat [start, end, start, end, ...] list. */
interface CompiledSchedule {
  timeZone: string;
  weekly: ReadonlyArray<readonly number[]>;
  exceptions: ReadonlyMap<number, readonly number[]>;
  /** The last exception's day number (-Infinity without exceptions). */
  lastExceptionDay: number;
}

const compiled = new WeakMap<WorkSchedule, CompiledSchedule>();

function minutesOf(intervals: readonly WorkInterval[]): number[] {
  const flat: number[] = [];
  for (const interval of intervals) flat.push(parseClockTime(interval.start, false) ?? 0, parseClockTime(interval.end, true) ?? 0);
  return flat;
}

/** Compiled once per schedule object (the routing roster keeps the same objects between decisions). */
function compile(schedule: WorkSchedule): CompiledSchedule {
  let result = compiled.get(schedule);
  if (result) return result;
  const exceptions = new Map<number, readonly number[]>();
  let lastExceptionDay = Number.NEGATIVE_INFINITY;
  for (const exception of schedule.exceptions) {
    const day = parseCalendarDate(exception.date);
    if (day === null) continue;
    exceptions.set(day, minutesOf(exception.intervals));
    if (day > lastExceptionDay) lastExceptionDay = day;
  }
  result = {
    timeZone: schedule.timeZone,
    weekly: WEEKDAYS.map((weekday) => minutesOf(schedule.weekly[weekday] ?? [])),
    exceptions,
    lastExceptionDay,
  };
  compiled.set(schedule, result);
  return result;
}

function hoursOf(schedule: CompiledSchedule, day: number): readonly number[] {
  return schedule.exceptions.get(day) ?? schedule.weekly[weekdayIndex(day)] ?? NO_HOURS;
}

function inside(hours: readonly number[], minuteOfDay: number): boolean {
  for (let i = 0; i < hours.length; i += 2) if (minuteOfDay >= hours[i]! && minuteOfDay < hours[i + 1]!) return true;
  return false;
}

function workingAtMs(schedule: CompiledSchedule, epochMs: number): boolean {
  const local = localEpochMinute(schedule.timeZone, epochMs);
  const day = Math.floor(local / MINUTES_PER_DAY);
  return inside(hoursOf(schedule, day), local - day * MINUTES_PER_DAY);
}

/**
 * The hot-path question, with no allocation once the schedule is compiled and the zone has converted
 * this minute: is the person inside its hours at the instant?
 */
export function isWorkingAt(schedule: WorkSchedule, instant: Date | number): boolean {
  return workingAtMs(compile(schedule), typeof instant === 'number' ? instant : instant.getTime());
}

/** Working or not at the instant, why, and when that changes next. */
export function workingAt(schedule: WorkSchedule | null, instant: Date): WorkingState {
  if (!schedule) return { working: true, reason: 'no_schedule', nextChangeAt: null, local: null };
  const plan = compile(schedule);
  const at = instant.getTime();
  const local = localEpochMinute(plan.timeZone, at);
  const day = Math.floor(local / MINUTES_PER_DAY);
  const exception = plan.exceptions.get(day);
  const hours = exception ?? plan.weekly[weekdayIndex(day)] ?? NO_HOURS;
  const working = inside(hours, local - day * MINUTES_PER_DAY);
  let reason: WorkingReason;
  if (exception) reason = working ? 'exception_hours' : exception.length === 0 ? 'exception_day_off' : 'outside_exception_hours';
  else reason = working ? 'weekly_hours' : hours.length === 0 ? 'weekly_day_off' : 'outside_weekly_hours';
  const next = nextChange(plan, at, working);
  const { date, time } = formatLocal(local);
  return {
    working,
    reason,
    nextChangeAt: next === null ? null : new Date(next),
    local: { date, time, weekday: WEEKDAYS[weekdayIndex(day)]! },
  };
}

/**
 * The first instant after `at` where working differs from `current`. Working can only flip where the
 * wall clock passes an interval boundary or jumps (a DST change), so those instants are the candidates,
 * looked at a week at a time in order.
 */
function nextChange(plan: CompiledSchedule, at: number, current: boolean): number | null {
  const zone = plan.timeZone;
  const limit = at + NEXT_CHANGE_HORIZON_DAYS * DAY_MS;
  // Past the last exception the weekly pattern repeats: a week and a day without a change means never.
  const patternEnd =
    (Math.max(Math.floor(localEpochMinute(zone, at) / MINUTES_PER_DAY), plan.lastExceptionDay) + 9) * DAY_MS + 14 * HOUR_MS;
  for (let from = at; from < limit && from < patternEnd; from += 7 * DAY_MS) {
    const to = from + 7 * DAY_MS;
    const candidates: number[] = [];
    // Offsets in force over the chunk, sampled every 6 hours; a change between two samples is a DST jump.
    const offsets = new Set<number>();
    let previous = offsetMinutes(zone, from);
    offsets.add(previous);
    for (let probed = from; probed < to; ) {
      const probe = Math.min(probed + 6 * HOUR_MS, to);
      const offset = offsetMinutes(zone, probe);
      if (offset !== previous) {
        offsets.add(offset);
        candidates.push(transitionBetween(zone, probed, probe, previous));
        previous = offset;
      }
      probed = probe;
    }
    // Every boundary of the local days the chunk touches, at each offset under which that wall time exists.
    const firstDay = Math.floor(localEpochMinute(zone, from) / MINUTES_PER_DAY) - 1;
    const lastDay = Math.floor(localEpochMinute(zone, to) / MINUTES_PER_DAY) + 1;
    for (let day = firstDay; day <= lastDay; day += 1) {
      for (const minute of hoursOf(plan, day)) {
        const wall = (day * MINUTES_PER_DAY + minute) * MINUTE_MS;
        for (const offset of offsets) {
          const instant = wall - offset * MINUTE_MS;
          if (instant > from && instant <= to && offsetMinutes(zone, instant) === offset) candidates.push(instant);
        }
      }
    }
    candidates.sort((a, b) => a - b);
    for (const candidate of candidates) if (candidate > at && workingAtMs(plan, candidate) !== current) return candidate;
  }
  return null;
}

/** The first whole minute in (low, high] whose offset differs from `before` (one transition in between). */
function transitionBetween(zone: string, low: number, high: number, before: number): number {
  let lo = Math.floor(low / MINUTE_MS);
  let hi = Math.floor(high / MINUTE_MS);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMinutes(zone, mid * MINUTE_MS) === before) lo = mid;
    else hi = mid;
  }
  return hi * MINUTE_MS;
}
