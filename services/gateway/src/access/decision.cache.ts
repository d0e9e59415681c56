import type { Decision } from '@warden/contracts';
import { PolicyWatermarks } from '@warden/messaging';

interface Entry {
  decision: Decision;
  expiresAt: number;
}

const MAX_PEOPLE = 50_000;

/**
 * Decisions per (tenant, person), dropped per person or per tenant when the policy changes.
 * The TTL is only a safety net for a missed policy-change event.
 */
export class DecisionCache {
  private readonly byPerson = new Map<string, Map<string, Entry>>();
  /** The newest policy versions announced (per tenant, and per person named): an answer made under an older one is not kept. */
  private readonly watermarks = new PolicyWatermarks();

  constructor(
    private readonly enabled: boolean,
    private readonly ttlMs: number,
  ) {}

  get(tenantId: string, personId: string, key: string, now = Date.now()): Decision | undefined {
    if (!this.enabled) return undefined;
    const entry = this.byPerson.get(`${tenantId}:${personId}`)?.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.byPerson.get(`${tenantId}:${personId}`)?.delete(key);
      return undefined;
    }
    return entry.decision;
  }

  set(tenantId: string, personId: string, key: string, decision: Decision, now = Date.now()): void {
    if (!this.enabled || this.ttlMs === 0) return;
    // A check answered just before a policy change, arriving after it, must not be cached again.
    if (!this.watermarks.isCurrent(tenantId, personId, decision.policyVersion)) return;
    const personKey = `${tenantId}:${personId}`;
    let decisions = this.byPerson.get(personKey);
    if (!decisions) {
      // Maps iterate in insertion order: evict the person cached longest ago.
      if (this.byPerson.size >= MAX_PEOPLE) this.byPerson.delete(this.byPerson.keys().next().value!);
      decisions = new Map();
      this.byPerson.set(personKey, decisions);
    }
    decisions.set(key, { decision, expiresAt: now + this.ttlMs });
  }

  /** Drops the decisions of these people, or of everyone in the tenant when `personIds` is null. */
  invalidate(tenantId: string, personIds: readonly string[] | null, policyVersion = 0): void {
    this.watermarks.record(tenantId, personIds, policyVersion);
    if (personIds) {
      for (const personId of personIds) this.byPerson.delete(`${tenantId}:${personId}`);
      return;
    }
    const prefix = `${tenantId}:`;
    for (const key of this.byPerson.keys()) if (key.startsWith(prefix)) this.byPerson.delete(key);
  }

  get size(): number {
    return this.byPerson.size;
  }
}
