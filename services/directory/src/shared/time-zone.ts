/** True for a time zone the runtime's IANA database knows (`Europe/Moscow`, `UTC`), refusing offsets and abbreviations' typos. */
export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
