import { parseDuration, RetrySchedule } from './retry.schedule';

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

  it('knows the shortest time retries can take, every wait jittered down', () => {
    expect(RetrySchedule.parse('200ms,200ms,200ms').shortestWindowMs).toBe(540);
  });

  it('gives up after the last delay', () => {
    expect(schedule.nextDelayMs(6)).toBeNull();
  });

  it('refuses a malformed schedule', () => {
    expect(() => RetrySchedule.parse('5s,soon')).toThrow('soon');
  });

  it('reads single durations (WEBHOOK_LOG_RETENTION) and refuses others', () => {
    expect(parseDuration('30d')).toBe(30 * 86_400_000);
    expect(parseDuration(' 90m ')).toBe(5_400_000);
    expect(() => parseDuration('a month')).toThrow('a month');
  });
});
