import { newId } from '@warden/kernel';
import type { RequestContext } from '@warden/contracts';

/** The context of a call the permissions service makes for itself (facts for a rule), not on anyone's behalf. */
export function systemContext(tenantId: string): RequestContext {
  return { tenantId, actorId: null, requestId: newId() };
}
