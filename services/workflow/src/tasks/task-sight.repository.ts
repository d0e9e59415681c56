import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SightDelta, TaskVisibility } from '@warden/contracts';
import { taskSightCondition } from './task-sight.filter';

const SAMPLE_SIZE = 10;

/** Tasks one list filter holds and another does not, counted in SQL (never loaded). */
@Injectable()
export class TaskSightRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Tasks under `seen` and not under `unseen`: per status (most first), and the newest ids. */
  async delta(tenantId: string, seen: TaskVisibility, unseen: TaskVisibility): Promise<SightDelta> {
    const params: unknown[] = [tenantId];
    const next = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = `t.tenant_id = $1 AND ${taskSightCondition(seen, next)} AND NOT (${taskSightCondition(unseen, next)})`;
    const [counts, sample]: [Array<{ status_id: string; count: string }>, Array<{ id: string }>] = await Promise.all([
      this.dataSource.query(
        `SELECT t.status_id, count(*) AS count FROM tasks t WHERE ${where} GROUP BY t.status_id ORDER BY count(*) DESC, t.status_id`,
        params,
      ),
      this.dataSource.query(`SELECT t.id FROM tasks t WHERE ${where} ORDER BY t.id DESC LIMIT ${SAMPLE_SIZE}`, params),
    ]);
    const byStatus = counts.map((row) => ({ statusId: row.status_id, count: Number(row.count) }));
    return { total: byStatus.reduce((sum, row) => sum + row.count, 0), byStatus, sample: sample.map((row) => row.id) };
  }
}
