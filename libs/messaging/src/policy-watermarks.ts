/** Beyond this many people with a watermark of their own, the oldest is folded into its tenant's (stricter). */
const MAX_PEOPLE = 100_000;

/**
 * The newest policy version announced that applies to a person: per tenant for changes that may affect anyone,
 * per person for changes naming the people they affect. An answer (a decision, a fact set) read under an older
 * version may predate a change and must not be cached; one read under an older version than a change that named
 * only other people is still right, and caching it is what keeps a tenant's caches warm while its policy is
 * edited person by person.
 */
export class PolicyWatermarks {
  private readonly tenants = new Map<string, number>();
  private readonly people = new Map<string, number>();

  constructor(private readonly maxPeople = MAX_PEOPLE) {}

  /** A change announced under `policyVersion`, affecting these people (null: anyone in the tenant). */
  record(tenantId: string, personIds: readonly string[] | null, policyVersion: number): void {
    if (personIds === null) {
      if (policyVersion > (this.tenants.get(tenantId) ?? 0)) this.tenants.set(tenantId, policyVersion);
      return;
    }
    for (const personId of personIds) {
      const key = `${tenantId}:${personId.toLowerCase()}`;
      if (policyVersion <= (this.people.get(key) ?? 0)) continue;
      // Re-inserted last: Maps iterate in insertion order, so the first key is the longest unchanged.
      this.people.delete(key);
      this.people.set(key, policyVersion);
    }
    while (this.people.size > this.maxPeople) this.foldOldest();
  }

  /** Whether an answer read under `policyVersion` is as new as every change announced for this person (or, with null, for the tenant). */
  isCurrent(tenantId: string, personId: string | null, policyVersion: number): boolean {
    if (policyVersion < (this.tenants.get(tenantId) ?? 0)) return false;
    return personId === null || policyVersion >= (this.people.get(`${tenantId}:${personId.toLowerCase()}`) ?? 0);
  }

  private foldOldest(): void {
    const [key, version] = this.people.entries().next().value!;
    this.people.delete(key);
    const tenantId = key.slice(0, key.lastIndexOf(':'));
    if (version > (this.tenants.get(tenantId) ?? 0)) this.tenants.set(tenantId, version);
  }
}
