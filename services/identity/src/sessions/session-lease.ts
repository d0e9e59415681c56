/**
 * How long a gateway may reuse identity's "this session is live" (`identity.sessions.check` answers it as
 * `leaseMs`), counted from when the gateway sent the check. In exchange, every answer that ends sessions is
 * held back this long after its commit (`outlastSessionLeases`): a "live" read before the commit was asked for
 * before the commit too, so its lease has run out by the time the answer leaves, and the first request after the
 * answer is checked afresh on every gateway. The gateway asks once per session per lease instead of per request.
 */
export const SESSION_LEASE_MS = 500;

/** Timer slack and clock-rate differences between a gateway and identity. */
const MARGIN_MS = 50;

/** Resolves once no gateway can still hold a lease on a session ended by a commit made before the call. */
export function outlastSessionLeases(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, SESSION_LEASE_MS + MARGIN_MS));
}
