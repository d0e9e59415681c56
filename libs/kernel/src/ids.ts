import { randomBytes } from 'node:crypto';

/** The last millisecond an id was made for, and the counter within it (RFC 9562, method 1: a 12-bit counter in rand_a). */
let lastMs = -1;
let counter = 0;
const COUNTER_MAX = 0xfff;
/** A `now` this far behind the last id still follows it (a clock step back, an id for "now" computed a bit earlier). */
const MONOTONIC_WINDOW_MS = 10_000;

/**
 * UUID version 7 (RFC 9562): time-ordered, so primary keys stay index-friendly and ordering by id follows
 * creation order, which cursor pagination and the outbox relay (events of one transaction, published in id
 * order) rely on. Ids made in the same millisecond by this process are strictly increasing: a counter, started
 * at a random value in the lower half so it rarely overflows, takes the 12 bits after the version; on overflow the
 * millisecond moves on by one. A `now` more than 10 s before the last id (an id for a past instant) keeps its own
 * timestamp and gets no such guarantee.
 */
export function newId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  let ms = now;
  if (ms <= lastMs && lastMs - ms < MONOTONIC_WINDOW_MS) {
    ms = lastMs;
    counter += 1;
    if (counter > COUNTER_MAX) {
      ms = lastMs + 1;
      counter = bytes[7]! & 0x7f;
    }
  } else {
    counter = ((bytes[6]! & 0x07) << 8) | bytes[7]!;
  }
  if (ms >= lastMs) lastMs = ms;
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A UUID of a defined version (1-8) and the RFC variant, or the nil or max UUID: exactly what class-validator's
 * `IsUUID('all')` accepts (libs/contracts/src/rpc/request-fields.ts `IsId`), so an id in a path (the gateway's
 * id-params.pipe.ts, 404) and the same id in a body (422) are judged alike.
 */
const UUID_PATTERN =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
