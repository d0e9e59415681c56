import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { BusClient } from '@warden/messaging';
import type { OrderSight, PermissionPreview, PersonPreview, PreviewKind, RequestContext } from '@warden/contracts';
import { ScopeFactsLoader } from '../order-access/scope-facts.loader';
import { PolicyVersions } from '../policy/policy-versions';
import { StatusAccessRepository } from '../status-access/status-access.repository';
import type { StatusFact } from '../status-access/status-levels.policy';
import { PreviewChangeLoader } from './change.loader';
import type { FactsChange } from './change.loader';
import { actionChange, changes, NO_ORDERS, sameSight, sideOf } from './person-preview.policy';
import type { Side } from './person-preview.policy';

export class PreviewChangeQuery extends Query<PermissionPreview> {
  constructor(
    readonly ctx: RequestContext,
    readonly kind: PreviewKind,
    readonly targetId: string,
    readonly change: object,
  ) {
    super();
  }
}

/**
 * What a permission change would do, without making it: for each person it touches, the order
 * lists and the actions before and after, decided by the functions the real checks use
 * (decision.policy.ts, status-levels.policy.ts, order-visibility.policy.ts) — once on the current
 * facts, once on the same facts with the change applied in memory (change.loader.ts). Nothing is
 * written: no transaction, no policy version bump, no event, no cache drop. The orders are counted by
 * the workflow service under the same SQL filter as the lists (`workflow.orders.sight-diff`).
 */
@QueryHandler(PreviewChangeQuery)
export class PreviewChangeHandler implements IQueryHandler<PreviewChangeQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: BusClient,
    private readonly changes: PreviewChangeLoader,
    private readonly levels: StatusAccessRepository,
    private readonly scopes: ScopeFactsLoader,
    private readonly policy: PolicyVersions,
  ) {}

  async execute({ ctx, kind, targetId, change }: PreviewChangeQuery): Promise<PermissionPreview> {
    const tenantId = ctx.tenantId;
    const policyVersion = await this.policy.current(this.dataSource.manager, tenantId);
    const factsChange = await this.changes.load(ctx, kind, targetId, change);
    return { policyVersion, people: await this.people(ctx, factsChange) };
  }

  private async people(ctx: RequestContext, change: FactsChange): Promise<PersonPreview[]> {
    const statuses = await this.levels.statuses(ctx.tenantId, null);
    const sides = await Promise.all(change.personIds.map((personId) => this.sides(ctx.tenantId, personId, statuses, change)));
    // Only people whose lists differ are counted, each distinct pair of filters once.
    const pairs = new Map<string, { before: OrderSight; after: OrderSight }>();
    for (const { before, after } of sides)
      if (!sameSight(before.sight, after.sight))
        pairs.set(JSON.stringify([before.sight, after.sight]), { before: before.sight, after: after.sight });
    const keys = [...pairs.keys()];
    const counted = keys.length === 0 ? [] : await this.bus.request('workflow.orders.sight-diff', ctx, { pairs: [...pairs.values()] });
    const deltas = new Map(keys.map((key, index) => [key, counted[index]!]));
    return sides
      .map(
        ({ personId, before, after }): PersonPreview => ({
          personId,
          orders: deltas.get(JSON.stringify([before.sight, after.sight])) ?? { lose: NO_ORDERS, gain: NO_ORDERS },
          // Not counted: task lists are filtered by the workflow service, which has no task counterpart of
          // `workflow.orders.sight-diff`; a change of `tasks.read*` rights shows in `actions`.
          tasks: { lose: NO_ORDERS, gain: NO_ORDERS },
          actions: actionChange(before.actions, after.actions),
        }),
      )
      .filter(changes);
  }

  /** One person's lists and actions on the current facts and with the change applied. */
  private async sides(
    tenantId: string,
    personId: string,
    statuses: StatusFact[],
    change: FactsChange,
  ): Promise<{ personId: string; before: Side; after: Side }> {
    const [levels, loaded] = await Promise.all([this.levels.levelFacts(tenantId, personId), this.scopes.load(tenantId, personId)]);
    const current = { levels, rights: loaded.rights };
    return {
      personId,
      before: sideOf(personId, statuses, current, loaded.scope),
      after: sideOf(personId, statuses, change.apply(current), change.place?.(personId, loaded.scope) ?? loaded.scope),
    };
  }
}
