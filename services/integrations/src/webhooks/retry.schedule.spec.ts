import { RetrySchedule } from './retry.schedule';

describe('RetrySchedule', () => {
  const schedule = RetrySchedule.parse('5s, 5m,2h,1d,250ms');

  it('reads the units', () => {
    expect(schedule.delaysMs).toEqual([5000, 300_000, 7_200_000, 86_400_000, 250]);
    expect(schedule.windowMs).toBe(5000 + 300_000 + 7_200_000 + 86_400_000 + 250);
  });

  it('waits the listed delay after each failed attempt, within ±10 % jitter', () => {
    expect(schedule.nextDelayMs(1, () => 0.5)).toBe(5000);
    expect(schedule.nextDelayMs(2, () => 0)).toBe(270_000);
    expect(schedule.nextDelayMs(2, () => 1)).toBe(330_000);
  });

  it('gives up after the last delay', () => {
    expect(schedule.nextDelayMs(6)).toBeNull();
  });

  it('refuses a malformed schedule', () => {
    expect(() => RetrySchedule.parse('5s,soon')).toThrow('soon');
  });
});
