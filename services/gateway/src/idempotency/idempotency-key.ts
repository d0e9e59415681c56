import { createHash } from 'node:crypto';
import { DomainError } from '@warden/kernel';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

function invalid(reason: string): DomainError {
  return new DomainError('IDEMPOTENCY.KEY_INVALID', 'validation', `Idempotency-Key ${reason}`, [{ field: 'Idempotency-Key', reason }]);
}

/**
 * The key of an `Idempotency-Key` header: the draft's structured-field string (`"8e03978e-..."`,
 * with `\"` and `\\` escapes), or the bare value as Stripe and most clients send it. Printable
 * ASCII only, 1 to 255 characters; anything else is refused with 422.
 */
export function parseIdempotencyKey(header: string | string[]): string {
  if (Array.isArray(header)) throw invalid('must be sent once');
  const raw = header.trim();
  let key = raw;
  if (raw.startsWith('"')) {
    const match = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/.exec(raw);
    if (!match) throw invalid('is not a valid structured-field string');
    key = match[1]!.replace(/\\(["\\])/g, '$1');
  } else if (!/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(raw)) {
    throw invalid('must be printable ASCII and not empty');
  }
  if (key.length === 0) throw invalid('must not be empty');
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) throw invalid(`must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  return key;
}

/** JSON with object keys sorted, so the same body in another key order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What must be the same for a retry to be "the same request": method, path with query, body. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

/** The record's name in the store: the caller's scope and the key, hashed (any key, fixed length, nothing readable). */
export function recordName(scope: string, key: string): string {
  return createHash('sha256').update(`${scope}\n${key}`).digest('hex');
}
