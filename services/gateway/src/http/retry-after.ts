import type { Problem } from './problem';

/** When nothing more precise is known (a bus timeout, a service or the database away). */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * The Retry-After (seconds) a problem answer carries: what the error said (`retryAfterSeconds`,
 * e.g. a lost race or an idempotent request still in progress), else a default for every 503, so a
 * client is always told when an unavailable dependency is worth asking again.
 */
export function retryAfterSeconds(body: Problem): number | undefined {
  if (typeof body.retryAfterSeconds === 'number' && body.retryAfterSeconds > 0) return Math.ceil(body.retryAfterSeconds);
  return body.status === 503 ? DEFAULT_RETRY_AFTER_SECONDS : undefined;
}
