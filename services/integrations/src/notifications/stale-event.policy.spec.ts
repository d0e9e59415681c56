import { isTooOldToNotify, MAX_NOTIFIED_EVENT_AGE_MS } from './stale-event.policy';

describe('stale events', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');

  it('notifies about a recent event', () => {
    expect(isTooOldToNotify('2026-12-01T11:59:00Z', now)).toBe(false);
  });

  it('notifies nobody about an event older than the limit', () => {
    expect(isTooOldToNotify(new Date(now - MAX_NOTIFIED_EVENT_AGE_MS - 1).toISOString(), now)).toBe(true);
  });

  it('notifies nobody about an event without a readable time', () => {
    expect(isTooOldToNotify(undefined, now)).toBe(true);
    expect(isTooOldToNotify('yesterday', now)).toBe(true);
  });
});
