import type { Right } from '@warden/contracts';

/**
 * A group's rights as they are stored: each once, sorted, so two lists of the same rights compare equal (the
 * Administrator group's fixed set, the audit's before and after). The RPC boundary has already refused unknown ones.
 */
export function rightSet(rights: readonly Right[]): Right[] {
  return [...new Set(rights)].sort();
}
