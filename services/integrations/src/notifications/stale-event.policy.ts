/** An event older than this when it is first taken in updates the read models but emails nobody. */
export const MAX_NOTIFIED_EVENT_AGE_MS = 24 * 3_600_000;

/**
 * The read models start from the whole stream (30 days), so the first start of this feature — or a consumer
 * recreated after an outage — reads events long past; emailing a client today that its ticket of last month was
 * opened would be noise, so only recent events become emails.
 */
export function isTooOldToNotify(eventTime: string | undefined, now: number = Date.now()): boolean {
  const time = eventTime ? Date.parse(eventTime) : Number.NaN;
  return Number.isNaN(time) || now - time > MAX_NOTIFIED_EVENT_AGE_MS;
}
