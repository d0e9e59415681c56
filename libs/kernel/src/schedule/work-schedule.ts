import { DomainError } from '../domain-error';
import type { FieldProblem } from '../domain-error';
import { canonicalTimeZone } from './zone-clock';

/**
 * An employee's work schedule: weekly hours per weekday in one IANA time zone, and exceptions by date
 * (a day off, or other hours for that date). Times are local wall-clock times `HH:MM`; an interval is
 * [start, end), `24:00` ends at midnight. Overnight shifts are refused, not guessed: `22:00-06:00` is
 * written as `22:00-24:00` on one day and `00:00-06:00` on the next (the two read as one stretch).
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WorkInterval {
  /** `HH:MM`, 00:00-23:59. */
  start: string;
  /** `HH:MM`, after start; `24:00` is the end of the day. */
  end: string;
}

export type WeeklyHours = Record<Weekday, WorkInterval[]>;

/** The hours of one calendar date instead of its weekday's; no intervals: a day off. */
export interface ScheduleExceptionDay {
  /** `YYYY-MM-DD` in the schedule's time zone. */
  date: string;
  intervals: WorkInterval[];
}

export interface WorkSchedule {
  timeZone: string;
  /** Every weekday is present; an empty list is a day without hours. */
  weekly: WeeklyHours;
  /** Sorted by date, one per date. */
  exceptions: ScheduleExceptionDay[];
}

export const SCHEDULE_LIMITS = { intervalsPerDay: 12, exceptions: 366 } as const;
export const DEFAULT_SCHEDULE_TIME_ZONE = 'UTC';

const TIME = /^(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** IANA names (`Europe/Berlin`, `UTC`, `Etc/GMT+3`); fixed offsets such as `+03:00` are not zones. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** Minutes since midnight of `HH:MM`, or null; `24:00` only where an end is allowed. */
export function parseClockTime(value: unknown, allowEndOfDay: boolean): number | null {
  if (typeof value !== 'string') return null;
  const match = TIME.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (allowEndOfDay && hours === 24 && minutes === 0) return 1440;
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD`, or null. */
export function parseCalendarDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / 86_400_000;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects every problem of the input, each naming its field (`weekly.mon.1.end`), before anything is refused. */
class Problems {
  readonly list: FieldProblem[] = [];
  add(field: string, reason: string): void {
    this.list.push({ field, reason });
  }
  unknownFields(value: Record<string, unknown>, known: readonly string[], path: string): void {
    for (const key of Object.keys(value)) if (!known.includes(key)) this.add(path ? `${path}.${key}` : key, 'is not a known field');
  }
}

function parseIntervals(value: unknown, path: string, problems: Problems): WorkInterval[] {
  if (!Array.isArray(value)) {
    problems.add(path, 'must be an array of intervals { start, end }');
    return [];
  }
  if (value.length > SCHEDULE_LIMITS.intervalsPerDay) {
    problems.add(path, `must have at most ${SCHEDULE_LIMITS.intervalsPerDay} intervals`);
    return [];
  }
  const parsed: Array<{ index: number; start: number; end: number; interval: WorkInterval }> = [];
  value.forEach((item: unknown, index) => {
    const at = `${path}.${index}`;
    if (!isPlainObject(item)) return problems.add(at, 'must be an interval { start, end }');
    problems.unknownFields(item, ['start', 'end'], at);
    const start = parseClockTime(item.start, false);
    const end = parseClockTime(item.end, true);
    if (start === null) problems.add(`${at}.start`, 'must be a time HH:MM between 00:00 and 23:59');
    if (end === null) problems.add(`${at}.end`, 'must be a time HH:MM between 00:01 and 24:00');
    if (start === null || end === null) return;
    if (end <= start) {
      return problems.add(
        `${at}.end`,
        'must be after start; an overnight shift is written as two intervals, e.g. 22:00-24:00 and 00:00-06:00 on the next day',
      );
    }
    parsed.push({ index, start, end, interval: { start: item.start as string, end: item.end as string } });
  });
  parsed.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < parsed.length; i += 1) {
    const previous = parsed[i - 1]!;
    const current = parsed[i]!;
    if (current.start < previous.end) {
      const [later, earlier] = current.index > previous.index ? [current, previous] : [previous, current];
      problems.add(`${path}.${later.index}.start`, `overlaps ${path}.${earlier.index} (${earlier.interval.start}-${earlier.interval.end})`);
    }
  }
  return parsed.map((entry) => entry.interval);
}

function parseTimeZone(value: unknown, fallback: string, problems: Problems): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || !ZONE_NAME.test(value)) {
    problems.add('timeZone', 'must be an IANA time zone name such as Europe/Berlin or UTC');
    return fallback;
  }
  const canonical = canonicalTimeZone(value);
  if (canonical === null) problems.add('timeZone', `is not a known IANA time zone: ${value}`);
  return canonical ?? fallback;
}

/**
 * Validates a whole schedule from untrusted input and returns it normalized: a canonical time zone
 * (the fallback when none is given), all seven weekdays, intervals sorted by start, exceptions sorted by
 * date. Every problem is reported at once as one `SCHEDULE.INVALID` validation error naming its field.
 */
export function parseWorkSchedule(input: unknown, fallbackTimeZone: string = DEFAULT_SCHEDULE_TIME_ZONE): WorkSchedule {
  const problems = new Problems();
  if (!isPlainObject(input))
    throw DomainError.invalid('SCHEDULE.INVALID', 'schedule', 'must be an object { timeZone, weekly, exceptions }');
  problems.unknownFields(input, ['timeZone', 'weekly', 'exceptions'], '');
  const timeZone = parseTimeZone(input.timeZone, fallbackTimeZone, problems);

  const weekly = {} as WeeklyHours;
  for (const day of WEEKDAYS) weekly[day] = [];
  if (!isPlainObject(input.weekly)) problems.add('weekly', 'must be an object with a list of intervals per weekday (mon … sun)');
  else {
    for (const key of Object.keys(input.weekly)) {
      if (!(WEEKDAYS as readonly string[]).includes(key))
        problems.add(`weekly.${key}`, 'is not a weekday (mon, tue, wed, thu, fri, sat, sun)');
    }
    for (const day of WEEKDAYS)
      if (input.weekly[day] !== undefined) weekly[day] = parseIntervals(input.weekly[day], `weekly.${day}`, problems);
  }

  const exceptions: Array<ScheduleExceptionDay & { day: number }> = [];
  if (input.exceptions !== undefined && input.exceptions !== null) {
    if (!Array.isArray(input.exceptions)) problems.add('exceptions', 'must be an array of { date, intervals }');
    else if (input.exceptions.length > SCHEDULE_LIMITS.exceptions)
      problems.add('exceptions', `must have at most ${SCHEDULE_LIMITS.exceptions} dates`);
    else {
      const seen = new Map<number, number>();
      input.exceptions.forEach((item: unknown, index) => {
        const at = `exceptions.${index}`;
        if (!isPlainObject(item)) return problems.add(at, 'must be an object { date, intervals }');
        problems.unknownFields(item, ['date', 'intervals'], at);
        const day = parseCalendarDate(item.date);
        if (day === null) problems.add(`${at}.date`, 'must be a calendar date YYYY-MM-DD');
        else if (seen.has(day)) problems.add(`${at}.date`, `repeats exceptions.${seen.get(day)}`);
        else seen.set(day, index);
        // No intervals: a day off. `intervals: []` says the same.
        const intervals = item.intervals === undefined ? [] : parseIntervals(item.intervals, `${at}.intervals`, problems);
        if (day !== null) exceptions.push({ date: item.date as string, intervals, day });
      });
    }
  }
  if (problems.list.length > 0) {
    const summary = problems.list.map((problem) => `${problem.field} ${problem.reason}`).join('; ');
    throw new DomainError('SCHEDULE.INVALID', 'validation', summary, problems.list);
  }
  exceptions.sort((a, b) => a.day - b.day);
  return { timeZone, weekly, exceptions: exceptions.map(({ date, intervals }) => ({ date, intervals })) };
}

/**
 * The schedule with its keys in reading order (timeZone, weekly mon..sun, exceptions): a schedule read back from
 * a jsonb column has its keys in jsonb's order (by length, then alphabet), which is no way to show a week.
 */
export function inReadingOrder(schedule: WorkSchedule): WorkSchedule {
  const weekly = {} as WeeklyHours;
  for (const day of WEEKDAYS) weekly[day] = schedule.weekly[day] ?? [];
  return { timeZone: schedule.timeZone, weekly, exceptions: schedule.exceptions };
}
