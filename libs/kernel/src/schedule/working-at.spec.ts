import { parseWorkSchedule } from './work-schedule';
import { isWorkingAt, workingAt } from './working-at';

const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;

const OFFICE = parseWorkSchedule({
  timeZone: 'Europe/Berlin',
  weekly: {
    mon: [
      { start: '09:00', end: '13:00' },
      { start: '14:00', end: '18:00' },
    ],
    tue: [{ start: '09:00', end: '18:00' }],
    wed: [{ start: '09:00', end: '18:00' }],
    thu: [{ start: '09:00', end: '18:00' }],
    fri: [{ start: '09:00', end: '16:00' }],
  },
  exceptions: [
    { date: '2025-06-02', intervals: [] },
    { date: '2025-06-03', intervals: [{ start: '12:00', end: '14:00' }] },
  ],
});

describe('workingAt: weekly hours', () => {
  it('is working inside an interval of the weekday, in the schedule time zone', () => {
    // Monday 2025-05-26 10:00 in Berlin (CEST, UTC+2).
    expect(workingAt(OFFICE, at('2025-05-26T08:00:00Z'))).toEqual({
      working: true,
      reason: 'weekly_hours',
      nextChangeAt: at('2025-05-26T11:00:00Z'),
      local: { date: '2025-05-26', time: '10:00', weekday: 'mon' },
    });
  });

  it('is not working in the lunch break, and the break ends at the next interval', () => {
    const state = workingAt(OFFICE, at('2025-05-26T11:30:00Z'));
    expect(state).toMatchObject({ working: false, reason: 'outside_weekly_hours' });
    expect(iso(state.nextChangeAt)).toBe('2025-05-26T12:00:00.000Z');
  });

  it('an interval starts inclusive and ends exclusive', () => {
    expect(isWorkingAt(OFFICE, at('2025-05-26T07:00:00Z'))).toBe(true);
    expect(isWorkingAt(OFFICE, at('2025-05-26T06:59:59Z'))).toBe(false);
    expect(isWorkingAt(OFFICE, at('2025-05-26T11:00:00Z'))).toBe(false);
  });

  it('a weekday without hours is a day off until the next working day', () => {
    // Saturday 2025-05-31: next change is Monday 2025-06-02... which is an exception day off, so Tuesday 12:00.
    const state = workingAt(OFFICE, at('2025-05-31T10:00:00Z'));
    expect(state).toMatchObject({ working: false, reason: 'weekly_day_off', local: { weekday: 'sat' } });
    expect(iso(state.nextChangeAt)).toBe('2025-06-03T10:00:00.000Z');
  });

  it('after Friday hours the next change is Monday morning', () => {
    expect(iso(workingAt(OFFICE, at('2025-05-23T15:00:00Z')).nextChangeAt)).toBe('2025-05-26T07:00:00.000Z');
  });
});

describe('workingAt: exceptions', () => {
  it('an exception without hours is a day off, even on a weekday with hours', () => {
    const state = workingAt(OFFICE, at('2025-06-02T08:00:00Z'));
    expect(state).toMatchObject({ working: false, reason: 'exception_day_off', local: { date: '2025-06-02', weekday: 'mon' } });
    expect(iso(state.nextChangeAt)).toBe('2025-06-03T10:00:00.000Z');
  });

  it("an exception with hours replaces the weekday's hours for that date", () => {
    expect(workingAt(OFFICE, at('2025-06-03T08:00:00Z'))).toMatchObject({ working: false, reason: 'outside_exception_hours' });
    const inside = workingAt(OFFICE, at('2025-06-03T11:00:00Z'));
    expect(inside).toMatchObject({ working: true, reason: 'exception_hours' });
    expect(iso(inside.nextChangeAt)).toBe('2025-06-03T12:00:00.000Z');
    // The next day is a plain Wednesday again.
    expect(workingAt(OFFICE, at('2025-06-04T08:00:00Z'))).toMatchObject({ working: true, reason: 'weekly_hours' });
  });

  it('exception dates are dates of the schedule time zone, not of UTC', () => {
    const tokyo = parseWorkSchedule({
      timeZone: 'Asia/Tokyo',
      weekly: { mon: [{ start: '00:00', end: '24:00' }] },
      exceptions: [{ date: '2025-06-02' }],
    });
    // 2025-06-01T16:00Z is already Monday 2025-06-02 01:00 in Tokyo: the day off.
    expect(workingAt(tokyo, at('2025-06-01T16:00:00Z'))).toMatchObject({ working: false, reason: 'exception_day_off' });
    // Monday 2025-06-09 in Tokyo is a plain Monday.
    expect(isWorkingAt(tokyo, at('2025-06-08T16:00:00Z'))).toBe(true);
  });
});

describe('workingAt: overnight shifts written across midnight', () => {
  const NIGHT = parseWorkSchedule({
    timeZone: 'UTC',
    weekly: { fri: [{ start: '22:00', end: '24:00' }], sat: [{ start: '00:00', end: '06:00' }] },
  });

  it('works through midnight and the next change is the end of the shift, not midnight', () => {
    const state = workingAt(NIGHT, at('2025-05-30T23:00:00Z'));
    expect(state).toMatchObject({ working: true, reason: 'weekly_hours' });
    expect(iso(state.nextChangeAt)).toBe('2025-05-31T06:00:00.000Z');
    expect(isWorkingAt(NIGHT, at('2025-05-31T00:00:00Z'))).toBe(true);
    expect(isWorkingAt(NIGHT, at('2025-05-31T06:00:00Z'))).toBe(false);
  });
});

describe('workingAt: DST edges (Europe/Berlin: 2025-03-30 02:00 -> 03:00, 2025-10-26 03:00 -> 02:00)', () => {
  const sunday = (intervals: Array<{ start: string; end: string }>) =>
    parseWorkSchedule({ timeZone: 'Europe/Berlin', weekly: { sun: intervals } });

  it('the same wall-clock hours are different UTC instants before and after the change', () => {
    const weekend = sunday([{ start: '09:00', end: '17:00' }]);
    expect(isWorkingAt(weekend, at('2025-03-23T08:00:00Z'))).toBe(true); // 09:00 CET
    expect(isWorkingAt(weekend, at('2025-03-30T07:00:00Z'))).toBe(true); // 09:00 CEST
    expect(isWorkingAt(weekend, at('2025-03-30T06:59:00Z'))).toBe(false); // 08:59 CEST
    expect(iso(workingAt(weekend, at('2025-03-30T03:00:00Z')).nextChangeAt)).toBe('2025-03-30T07:00:00.000Z');
  });

  it('spring forward: hours that end inside the skipped hour end when the clock jumps', () => {
    const state = workingAt(sunday([{ start: '01:00', end: '02:30' }]), at('2025-03-30T00:30:00Z')); // 01:30 CET
    expect(state.working).toBe(true);
    expect(iso(state.nextChangeAt)).toBe('2025-03-30T01:00:00.000Z'); // the clock jumps to 03:00
  });

  it('spring forward: hours that start inside the skipped hour start when the clock jumps', () => {
    const schedule = sunday([{ start: '02:30', end: '04:00' }]);
    const state = workingAt(schedule, at('2025-03-30T00:30:00Z')); // 01:30 CET
    expect(state.working).toBe(false);
    expect(iso(state.nextChangeAt)).toBe('2025-03-30T01:00:00.000Z'); // 03:00 CEST is inside 02:30-04:00
    expect(iso(workingAt(schedule, at('2025-03-30T01:00:00Z')).nextChangeAt)).toBe('2025-03-30T02:00:00.000Z'); // 04:00 CEST
  });

  it('fall back: the repeated hour is worked twice, with a change at each boundary', () => {
    const schedule = sunday([{ start: '02:30', end: '03:30' }]);
    const steps: Array<[string, boolean, string | null]> = [
      ['2025-10-26T00:15:00Z', false, '2025-10-26T00:30:00.000Z'], // 02:15 CEST
      ['2025-10-26T00:45:00Z', true, '2025-10-26T01:00:00.000Z'], // 02:45 CEST; at 01:00Z the clock goes back to 02:00
      ['2025-10-26T01:15:00Z', false, '2025-10-26T01:30:00.000Z'], // 02:15 CET
      ['2025-10-26T01:45:00Z', true, '2025-10-26T02:30:00.000Z'], // 02:45 CET, until 03:30 CET
    ];
    for (const [instant, working, next] of steps) {
      const state = workingAt(schedule, at(instant));
      expect([instant, state.working, iso(state.nextChangeAt)]).toEqual([instant, working, next]);
    }
  });

  it('New York: Monday 09:00 is 14:00Z before its DST change and 13:00Z after', () => {
    const desk = parseWorkSchedule({ timeZone: 'America/New_York', weekly: { mon: [{ start: '09:00', end: '17:00' }] } });
    expect(iso(workingAt(desk, at('2025-03-02T12:00:00Z')).nextChangeAt)).toBe('2025-03-03T14:00:00.000Z');
    expect(iso(workingAt(desk, at('2025-03-09T12:00:00Z')).nextChangeAt)).toBe('2025-03-10T13:00:00.000Z');
  });

  it('zones with quarter-hour offsets (Asia/Kathmandu, UTC+05:45)', () => {
    const desk = parseWorkSchedule({ timeZone: 'Asia/Kathmandu', weekly: { mon: [{ start: '09:00', end: '17:00' }] } });
    expect(isWorkingAt(desk, at('2025-06-02T03:15:00Z'))).toBe(true);
    expect(isWorkingAt(desk, at('2025-06-02T03:14:00Z'))).toBe(false);
  });
});

describe('workingAt: no schedule, no hours', () => {
  it('without a schedule the person counts as working, with nothing to change', () => {
    expect(workingAt(null, at('2025-06-02T08:00:00Z'))).toEqual({ working: true, reason: 'no_schedule', nextChangeAt: null, local: null });
  });

  it('a schedule without any hours never changes', () => {
    const never = parseWorkSchedule({ weekly: {} });
    expect(workingAt(never, at('2025-06-02T08:00:00Z'))).toMatchObject({ working: false, reason: 'weekly_day_off', nextChangeAt: null });
  });

  it('round the clock, every day: working, with no change', () => {
    const day = [{ start: '00:00', end: '24:00' }];
    const always = parseWorkSchedule({
      timeZone: 'Europe/Berlin',
      weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
    });
    expect(workingAt(always, at('2025-10-26T01:30:00Z'))).toMatchObject({ working: true, nextChangeAt: null });
  });

  it('a holiday far ahead is found as the next change', () => {
    const day = [{ start: '00:00', end: '24:00' }];
    const always = parseWorkSchedule({
      weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
      exceptions: [{ date: '2025-12-25' }],
    });
    expect(iso(workingAt(always, at('2025-06-02T08:00:00Z')).nextChangeAt)).toBe('2025-12-25T00:00:00.000Z');
  });
});

describe('isWorkingAt agrees with workingAt', () => {
  it('at every quarter hour of a DST week', () => {
    const schedule = parseWorkSchedule({
      timeZone: 'Europe/Berlin',
      weekly: {
        sun: [
          { start: '01:00', end: '02:30' },
          { start: '02:45', end: '03:15' },
        ],
        mon: [{ start: '09:00', end: '18:00' }],
      },
      exceptions: [{ date: '2025-10-28', intervals: [{ start: '10:00', end: '11:00' }] }],
    });
    let previous: { working: boolean; nextChangeAt: Date | null } | null = null;
    for (let t = Date.parse('2025-10-25T00:00:00Z'); t < Date.parse('2025-10-29T00:00:00Z'); t += 15 * 60_000) {
      const state = workingAt(schedule, new Date(t));
      expect(isWorkingAt(schedule, t)).toBe(state.working);
      // Between two samples nothing changes unless the previous sample announced it.
      if (previous && previous.working !== state.working) expect(previous.nextChangeAt!.getTime()).toBeLessThanOrEqual(t);
      if (previous && previous.working === state.working && previous.nextChangeAt)
        expect(previous.nextChangeAt.getTime()).toBeGreaterThan(t - 15 * 60_000);
      previous = state;
    }
  });
});
