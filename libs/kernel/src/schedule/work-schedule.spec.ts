import { DomainError } from '../domain-error';
import { inReadingOrder, parseWorkSchedule } from './work-schedule';

function problemsOf(input: unknown): Array<{ field: string; reason: string }> {
  try {
    parseWorkSchedule(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('SCHEDULE.INVALID');
    expect((error as DomainError).kind).toBe('validation');
    return (error as DomainError).fields ?? [];
  }
  throw new Error('expected the schedule to be refused');
}

const fields = (input: unknown) => problemsOf(input).map((problem) => problem.field);

describe('parseWorkSchedule', () => {
  it('normalizes a valid schedule: canonical zone, every weekday, intervals by start, exceptions by date', () => {
    const schedule = parseWorkSchedule({
      timeZone: 'europe/berlin',
      weekly: {
        mon: [
          { start: '14:00', end: '18:00' },
          { start: '09:00', end: '13:00' },
        ],
        sat: [],
      },
      exceptions: [
        { date: '2025-12-31', intervals: [{ start: '09:00', end: '12:00' }] },
        { date: '2025-12-25', intervals: [] },
      ],
    });
    expect(schedule).toEqual({
      timeZone: 'Europe/Berlin',
      weekly: {
        mon: [
          { start: '09:00', end: '13:00' },
          { start: '14:00', end: '18:00' },
        ],
        tue: [],
        wed: [],
        thu: [],
        fri: [],
        sat: [],
        sun: [],
      },
      exceptions: [
        { date: '2025-12-25', intervals: [] },
        { date: '2025-12-31', intervals: [{ start: '09:00', end: '12:00' }] },
      ],
    });
  });

  it('takes the fallback time zone when none is given, and an exception without intervals is a day off', () => {
    const schedule = parseWorkSchedule({ weekly: {}, exceptions: [{ date: '2026-01-01' }] }, 'Asia/Tokyo');
    expect(schedule.timeZone).toBe('Asia/Tokyo');
    expect(schedule.exceptions).toEqual([{ date: '2026-01-01', intervals: [] }]);
    expect(parseWorkSchedule({ weekly: {} }).timeZone).toBe('UTC');
  });

  it('accepts touching intervals and 24:00 as the end of the day', () => {
    const schedule = parseWorkSchedule({
      weekly: {
        fri: [
          { start: '22:00', end: '24:00' },
          { start: '13:00', end: '22:00' },
        ],
      },
    });
    expect(schedule.weekly.fri).toEqual([
      { start: '13:00', end: '22:00' },
      { start: '22:00', end: '24:00' },
    ]);
  });

  it('refuses an end not after its start, naming the end and saying how to write an overnight shift', () => {
    const problems = problemsOf({
      weekly: {
        mon: [
          { start: '09:00', end: '13:00' },
          { start: '22:00', end: '06:00' },
        ],
      },
    });
    expect(problems).toEqual([{ field: 'weekly.mon.1.end', reason: expect.stringContaining('22:00-24:00 and 00:00-06:00') }]);
    expect(fields({ weekly: { tue: [{ start: '10:00', end: '10:00' }] } })).toEqual(['weekly.tue.0.end']);
  });

  it('refuses overlapping intervals, naming the later one', () => {
    const problems = problemsOf({
      weekly: {
        wed: [
          { start: '09:00', end: '13:00' },
          { start: '12:30', end: '18:00' },
        ],
      },
    });
    expect(problems).toEqual([{ field: 'weekly.wed.1.start', reason: 'overlaps weekly.wed.0 (09:00-13:00)' }]);
  });

  it('refuses times that are not HH:MM within the day', () => {
    expect(fields({ weekly: { mon: [{ start: '9:00', end: '25:00' }] } })).toEqual(['weekly.mon.0.start', 'weekly.mon.0.end']);
    expect(fields({ weekly: { mon: [{ start: '24:00', end: '24:00' }] } })).toEqual(['weekly.mon.0.start']);
    expect(fields({ weekly: { mon: [{ start: '08:60', end: 1700 }] } })).toEqual(['weekly.mon.0.start', 'weekly.mon.0.end']);
  });

  it('refuses unknown weekdays and unknown fields', () => {
    expect(fields({ weekly: { monday: [] } })).toEqual(['weekly.monday']);
    expect(fields({ weekly: { mon: [{ start: '09:00', end: '10:00', note: 'x' }] }, owner: 'me' })).toEqual(['owner', 'weekly.mon.0.note']);
  });

  it('refuses a missing weekly part and lists that are not lists', () => {
    expect(fields({})).toEqual(['weekly']);
    expect(fields({ weekly: { mon: { start: '09:00', end: '10:00' } }, exceptions: {} })).toEqual(['weekly.mon', 'exceptions']);
    expect(() => parseWorkSchedule(null)).toThrow(DomainError);
  });

  it('refuses an unknown time zone and fixed offsets', () => {
    expect(problemsOf({ timeZone: 'Mars/Olympus_Mons', weekly: {} })).toEqual([
      { field: 'timeZone', reason: expect.stringContaining('not a known IANA time zone') },
    ]);
    expect(fields({ timeZone: '+03:00', weekly: {} })).toEqual(['timeZone']);
    expect(fields({ timeZone: 42, weekly: {} })).toEqual(['timeZone']);
  });

  it('refuses impossible and repeated exception dates and bad exception hours', () => {
    expect(fields({ weekly: {}, exceptions: [{ date: '2025-02-29', intervals: [] }] })).toEqual(['exceptions.0.date']);
    expect(fields({ weekly: {}, exceptions: [{ date: '1 May', intervals: [] }] })).toEqual(['exceptions.0.date']);
    expect(
      problemsOf({ weekly: {}, exceptions: [{ date: '2025-05-01' }, { date: '2025-05-02' }, { date: '2025-05-01', intervals: [] }] }),
    ).toEqual([{ field: 'exceptions.2.date', reason: 'repeats exceptions.0' }]);
    expect(fields({ weekly: {}, exceptions: [{ date: '2025-05-01', intervals: [{ start: '12:00', end: '11:00' }] }] })).toEqual([
      'exceptions.0.intervals.0.end',
    ]);
  });

  it('refuses too many intervals in a day', () => {
    const many = Array.from({ length: 13 }, (_, hour) => ({
      start: `${String(hour).padStart(2, '0')}:00`,
      end: `${String(hour).padStart(2, '0')}:30`,
    }));
    expect(fields({ weekly: { mon: many } })).toEqual(['weekly.mon']);
  });

  it('reports every problem at once', () => {
    expect(
      fields({ timeZone: 'Nowhere/Land', weekly: { sun: [{ start: 'x', end: '10:00' }] }, exceptions: [{ date: 'tomorrow' }] }),
    ).toEqual(['timeZone', 'weekly.sun.0.start', 'exceptions.0.date']);
  });
  it('puts a schedule read back from jsonb into reading order: timeZone, mon..sun, exceptions', () => {
    const scrambled = JSON.parse(
      '{"weekly":{"fri":[],"mon":[{"end":"13:00","start":"09:00"}],"sat":[],"sun":[],"thu":[],"tue":[],"wed":[]},"timeZone":"UTC","exceptions":[]}',
    );
    const ordered = inReadingOrder(scrambled);
    expect(Object.keys(ordered)).toEqual(['timeZone', 'weekly', 'exceptions']);
    expect(Object.keys(ordered.weekly)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(ordered.weekly.mon).toEqual([{ end: '13:00', start: '09:00' }]);
  });
});
