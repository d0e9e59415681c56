import { DomainError } from '@warden/kernel';

/** The expected version from the body or from `If-Match: "3"` (weak tags accepted); the body wins. */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number | undefined {
  if (bodyVersion !== undefined) return bodyVersion;
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!match) throw DomainError.invalid('REQUEST.INVALID', 'If-Match', 'must be an order version as sent in the ETag, e.g. "3"');
  return Number(match[1]);
}
