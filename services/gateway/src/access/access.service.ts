import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@warden/kernel';
import type { ErrorCode } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { Decision, PolicyChange, RequestContext, ResourceRef, Right } from '@warden/contracts';
import type { Principal } from '../auth/principal';
import { AccessMetrics } from './access.metrics';
import { DecisionCache } from './decision.cache';
import { PermissionsLiveness } from './permissions.liveness';
import { PolicyAnnouncements } from './policy-announcements';

export const DECISION_CACHE = Symbol('DECISION_CACHE');

function cacheKey(action: string, resource?: ResourceRef): string {
  if (!resource) return action;
  const attributes = Object.keys(resource)
    .sort()
    .map((name) => `${name}=${String(resource[name])}`)
    .join('&');
  return `${action}?${attributes}`;
}

/**
 * The gateway's one way to decide: asks the permissions service (through the cache) and never
 * decides by itself. When the permissions service cannot answer, the caller gets 503 — never a yes.
 */
@Injectable()
export class AccessService {
  constructor(
    private readonly bus: BusClient,
    @Inject(DECISION_CACHE) private readonly cache: DecisionCache,
    private readonly liveness: PermissionsLiveness,
    private readonly metrics: AccessMetrics,
    private readonly announcements: PolicyAnnouncements,
  ) {}

  /**
   * `fresh`: ask the permissions service even if a decision is cached, and keep none — for rules whose
   * facts change without a policy change and are not named by the resource (who is an inquiry's assignee).
   */
  async decide(
    principal: Principal,
    ctx: RequestContext,
    action: Right | string,
    resource?: ResourceRef,
    options: { fresh?: boolean } = {},
  ): Promise<Decision> {
    const key = cacheKey(action, resource);
    const cached = options.fresh ? undefined : this.cache.get(principal.tenantId, principal.personId, key);
    if (cached) {
      // A cached yes is only as good as the service that said it: fail closed once it stops answering.
      try {
        this.liveness.assertAlive();
      } catch (error) {
        this.metrics.failed('cache', error);
        throw error;
      }
      this.metrics.decided('cache', cached);
      return cached;
    }
    let decision: Decision;
    try {
      decision = await this.bus.request('permissions.check', ctx, { personId: principal.personId, action, resource });
    } catch (error) {
      this.metrics.failed('permissions', error);
      throw error;
    }
    this.liveness.answered();
    if (!options.fresh) this.cache.set(principal.tenantId, principal.personId, key, decision);
    this.metrics.decided('permissions', decision);
    return decision;
  }

  /**
   * Throws unless allowed. `hideAs` answers a refused read of a resource as if it did not exist, so
   * its existence does not leak; with `codes`, only refusals with one of those codes are hidden.
   */
  async require(
    principal: Principal,
    ctx: RequestContext,
    action: Right | string,
    resource?: ResourceRef,
    hideAs?: { code: ErrorCode; what: string; codes?: readonly string[] },
    options: { fresh?: boolean } = {},
  ): Promise<Decision> {
    const decision = await this.decide(principal, ctx, action, resource, options);
    if (decision.allowed) return decision;
    if (hideAs && (!hideAs.codes || hideAs.codes.includes(decision.code))) throw DomainError.notFound(hideAs.code, hideAs.what);
    throw DomainError.refusal(decision, { action, policyVersion: decision.policyVersion });
  }

  /**
   * Drops this gateway's cached decisions a policy change may have made stale, then waits until the change is
   * announced on the bus, so the other gateways have dropped theirs too; called before answering the change.
   * `announcement` is the change as the permissions service made it, when the caches drop more than it named.
   */
  async applied(tenantId: string, change: PolicyChange, announcement: PolicyChange = change): Promise<void> {
    this.cache.invalidate(tenantId, change.affectedPersonIds, change.policyVersion);
    await this.announcements.announced(tenantId, announcement);
  }
}
