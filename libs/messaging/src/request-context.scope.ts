import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestContext } from '@warden/contracts';

const scope = new AsyncLocalStorage<RequestContext>();

/**
 * Runs `work` with the RequestContext of the request-reply message it handles (RequestContextInterceptor in
 * libs/service-kit sets it for every RPC handler), so code deep in a service, such as the AuditRecorder, knows who
 * asked without every method taking the context as a parameter.
 */
export function runInRequestContext<T>(ctx: RequestContext, work: () => T): T {
  return scope.run(ctx, work);
}

/** The context of the request being handled; undefined in consumers of events and timers (system work). */
export function currentRequestContext(): RequestContext | undefined {
  return scope.getStore();
}
