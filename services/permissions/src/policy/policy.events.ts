import { PolicyChangedV1 } from '@warden/contracts';
import type { OutgoingEvent } from '@warden/contracts';

/** The tenant's policy moved to `policyVersion`; `affectedPersonIds` null means anyone in the tenant. */
export function policyChanged(
  tenantId: string,
  policyVersion: number,
  affectedPersonIds: string[] | null,
  change: string,
): OutgoingEvent<PolicyChangedV1> {
  return { contract: PolicyChangedV1, tenantId, subject: tenantId, data: { policyVersion, affectedPersonIds, change } };
}
