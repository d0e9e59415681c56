import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrderSight, SightDelta } from '@warden/contracts';
import { sqlParameters, statusDelta } from '@warden/persistence';
import { sightCondition } from './order-sight.filter';

/** Orders one list filter holds and another does not, counted in SQL (never loaded). */
@Injectable()
export class OrderSightRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Orders under `seen` and not under `unseen` (null: no second filter): per status, and the newest
   * ids. `NOT COALESCE(…, false)`: a branch comparing a null column must count as "not seen".
   */
  async delta(tenantId: string, seen: OrderSight, unseen: OrderSight | null): Promise<SightDelta> {
    const { parameters, next } = sqlParameters([tenantId]);
    let where = `o.tenant_id = $1 AND ${sightCondition(seen, next)}`;
    if (unseen) where += ` AND NOT COALESCE((${sightCondition(unseen, next)}), false)`;
    const { counts, sample } = await statusDelta(this.dataSource, { table: 'orders', alias: 'o' }, where, parameters);
    // In the order of the statuses asked about (workflow order, as permissions lists them).
    const byStatus = seen.statusIds.filter((id) => counts.has(id)).map((statusId) => ({ statusId, count: counts.get(statusId)! }));
    return { total: byStatus.reduce((sum, row) => sum + row.count, 0), byStatus, sample };
  }
}
