import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrderSight, SightDelta } from '@warden/contracts';
import { sightCondition } from './order-sight.filter';

const SAMPLE_SIZE = 10;

/** Orders one list filter holds and another does not, counted in SQL (never loaded). */
@Injectable()
export class OrderSightRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Orders under `seen` and not under `unseen` (null: no second filter): per status, and the newest
   * ids. `NOT COALESCE(…, false)`: a branch comparing a null column must count as "not seen".
   */
  async delta(tenantId: string, seen: OrderSight, unseen: OrderSight | null): Promise<SightDelta> {
    const params: unknown[] = [tenantId];
    const next = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    let where = `o.tenant_id = $1 AND ${sightCondition(seen, next)}`;
    if (unseen) where += ` AND NOT COALESCE((${sightCondition(unseen, next)}), false)`;
    const [counts, sample]: [Array<{ status_id: string; count: string }>, Array<{ id: string }>] = await Promise.all([
      this.dataSource.query(`SELECT o.status_id, count(*) AS count FROM orders o WHERE ${where} GROUP BY o.status_id`, params),
      this.dataSource.query(`SELECT o.id FROM orders o WHERE ${where} ORDER BY o.id DESC LIMIT ${SAMPLE_SIZE}`, params),
    ]);
    const byId = new Map(counts.map((row) => [row.status_id, Number(row.count)]));
    // In the order of the statuses asked about (workflow order, as permissions lists them).
    const byStatus = seen.statusIds.filter((id) => byId.has(id)).map((statusId) => ({ statusId, count: byId.get(statusId)! }));
    return { total: byStatus.reduce((sum, row) => sum + row.count, 0), byStatus, sample: sample.map((row) => row.id) };
  }
}
