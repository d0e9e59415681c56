/**
 * Local wall-clock time of an instant in an IANA time zone, through Intl (the runtime's tz database).
 * A formatter costs microseconds to call and much more to create, so there is one per zone, and each
 * zone remembers the last minute it converted: a routing decision asks the same instant for every
 * candidate, so the formatter runs about once per zone per decision.
 */

const MINUTE_MS = 60_000;
export const MINUTES_PER_DAY = 1440;

interface ZoneClock {
  format: Intl.DateTimeFormat;
  /** The UTC minute (epoch minutes) last converted, and its local epoch minute. */
  utcMinute: number;
  localMinute: number;
}

const clocks = new Map<string, ZoneClock>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The canonical name of a time zone Intl knows (`asia/tokyo` -> `Asia/Tokyo`), or null. */
export function canonicalTimeZone(name: string): string | null {
  try {
    return formatterFor(name).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function clockOf(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = { format: formatterFor(timeZone), utcMinute: Number.NaN, localMinute: Number.NaN };
    clocks.set(timeZone, clock);
  }
  return clock;
}

/**
 * The local time at the instant as "local epoch minutes": minutes since 1970-01-01 00:00 of the zone's
 * wall clock. `Math.floor(m / 1440)` is the local day number, `m % 1440` the minute of the day. Seconds
 * are dropped (zone offsets are whole minutes).
 */
export function localEpochMinute(timeZone: string, epochMs: number): number {
  const utcMinute = Math.floor(epochMs / MINUTE_MS);
  const clock = clockOf(timeZone);
  if (clock.utcMinute === utcMinute) return clock.localMinute;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const part of clock.format.formatToParts(utcMinute * MINUTE_MS)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
    }
  }
  clock.utcMinute = utcMinute;
  clock.localMinute = Date.UTC(year, month - 1, day, hour, minute) / MINUTE_MS;
  return clock.localMinute;
}

/** The zone's offset from UTC at the instant, in minutes (east positive). */
export function offsetMinutes(timeZone: string, epochMs: number): number {
  return localEpochMinute(timeZone, epochMs) - Math.floor(epochMs / MINUTE_MS);
}

/** Monday 0 … Sunday 6 of a day number (days since 1970-01-01, a Thursday). */
export function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` and `HH:MM` of a local epoch minute. */
export function formatLocal(localMinute: number): { date: string; time: string } {
  const iso = new Date(localMinute * MINUTE_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}
