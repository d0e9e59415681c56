import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { isDeepStrictEqual } from 'node:util';
import type { OrderSight, RpcResponse, SightDelta, SightPair } from '@warden/contracts';
import { OrderSightRepository } from './order-sight.repository';

const NOTHING: SightDelta = { total: 0, byStatus: [], sample: [] };

type SightDiff = RpcResponse<'workflow.orders.sight-diff'>;

export class DiffOrderSightQuery extends Query<SightDiff> {
  constructor(
    readonly tenantId: string,
    readonly pairs: SightPair[],
  ) {
    super();
  }
}

/**
 * What a permission change does to a person's order lists (the permission preview): the orders the
 * list filter before the change holds and the one after does not (lose), and the reverse (gain).
 */
@QueryHandler(DiffOrderSightQuery)
export class DiffOrderSightHandler implements IQueryHandler<DiffOrderSightQuery> {
  constructor(private readonly repository: OrderSightRepository) {}

  execute({ tenantId, pairs }: DiffOrderSightQuery): Promise<SightDiff> {
    return Promise.all(
      pairs.map(async ({ before, after }) => {
        const [lose, gain] = await Promise.all([this.only(tenantId, before, after), this.only(tenantId, after, before)]);
        return { lose, gain };
      }),
    );
  }

  /**
   * Orders `seen` holds and `other` does not. With the same department / client scope on both sides
   * only the statuses `other` lacks can differ, so just those are read (a small index range instead
   * of every visible order).
   */
  private only(tenantId: string, seen: OrderSight, other: OrderSight): Promise<SightDelta> {
    if (!isDeepStrictEqual(seen.scope, other.scope))
      return seen.statusIds.length === 0 ? Promise.resolve(NOTHING) : this.repository.delta(tenantId, seen, other);
    const statusIds = seen.statusIds.filter((id) => !other.statusIds.includes(id));
    return statusIds.length === 0 ? Promise.resolve(NOTHING) : this.repository.delta(tenantId, { statusIds, scope: seen.scope }, null);
  }
}
