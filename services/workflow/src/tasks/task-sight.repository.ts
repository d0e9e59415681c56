import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SightDelta, TaskVisibility } from '@warden/contracts';
import { sqlParameters, statusDelta } from '@warden/persistence';
import { taskSightCondition } from './task-sight.filter';

/** Tasks one list filter holds and another does not, counted in SQL (never loaded). */
@Injectable()
export class TaskSightRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Tasks under `seen` and not under `unseen`: per status (most first), and the newest ids. */
  async delta(tenantId: string, seen: TaskVisibility, unseen: TaskVisibility): Promise<SightDelta> {
    const { parameters, next } = sqlParameters([tenantId]);
    const where = `t.tenant_id = $1 AND ${taskSightCondition(seen, next)} AND NOT (${taskSightCondition(unseen, next)})`;
    const { counts, sample } = await statusDelta(this.dataSource, { table: 'tasks', alias: 't' }, where, parameters);
    const byStatus = [...counts]
      .map(([statusId, count]) => ({ statusId, count }))
      .sort((a, b) => b.count - a.count || (a.statusId < b.statusId ? -1 : 1));
    return { total: byStatus.reduce((sum, row) => sum + row.count, 0), byStatus, sample };
  }
}
