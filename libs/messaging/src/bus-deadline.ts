import { AsyncLocalStorage } from 'node:async_hooks';

const deadline = new AsyncLocalStorage<{ timeoutMs: number }>();

/**
 * Runs `work` with every bus request it makes waiting up to `timeoutMs` for its reply. The gateway
 * uses it for a request that carries an Idempotency-Key: the client hears 503 after the usual
 * timeout, but the late answer is still awaited and recorded, so a retry gets the one true answer.
 */
export function withBusTimeout<T>(timeoutMs: number, work: () => T): T {
  return deadline.run({ timeoutMs }, work);
}

/** The longer wait set by withBusTimeout around the current call, if any. */
export function busTimeoutOverride(): number | undefined {
  return deadline.getStore()?.timeoutMs;
}
