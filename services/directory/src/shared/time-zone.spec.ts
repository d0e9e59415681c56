import { isIanaTimeZone } from './time-zone';

describe('isIanaTimeZone', () => {
  it.each(['Europe/Moscow', 'UTC', 'America/New_York', 'Asia/Yekaterinburg'])('accepts %s', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(true);
  });

  it.each(['Mars/Olympus', '', 'Europe/Moscow ', 42, null])('refuses %p', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(false);
  });
});
