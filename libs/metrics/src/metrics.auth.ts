import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a scrape may read the metrics: always without a configured token, else only with
 * `Authorization: Bearer <token>` (compared in constant time).
 */
export function metricsScrapeAllowed(authorization: string | undefined, token: string | undefined): boolean {
  if (!token) return true;
  if (!authorization?.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(authorization.slice('Bearer '.length).trim()), digest(token));
}

/** Equal-length inputs for timingSafeEqual whatever the lengths of the strings. */
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
