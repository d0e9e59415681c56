import { EVENT_CONTRACTS } from '@warden/contracts';

const KNOWN_TYPES = EVENT_CONTRACTS.map((contract) => contract.type);

/** Why a subscription pattern matches no event the product publishes, or undefined when it is good. */
export function eventTypeProblem(pattern: string): string | undefined {
  if (pattern === '*') return undefined;
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1);
    return KNOWN_TYPES.some((type) => type.startsWith(prefix)) ? undefined : 'is a prefix of no known event type';
  }
  return KNOWN_TYPES.includes(pattern) ? undefined : 'is not a known event type';
}

/** Exact types, or prefixes ending in `*` (`workflow.order.*`; `*` alone is every event). */
export function matchesEventTypes(patterns: readonly string[], type: string): boolean {
  return patterns.some((pattern) => (pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern));
}
