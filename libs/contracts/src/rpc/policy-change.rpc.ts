/** Returned by every call that changes policy, so the gateway can drop stale decisions first. */
export interface PolicyChange {
  policyVersion: number;
  /** null: anyone in the tenant may be affected. */
  affectedPersonIds: string[] | null;
}
