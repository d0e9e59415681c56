import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { inReadingOrder } from '@warden/kernel';
import type { WorkSchedule } from '@warden/kernel';
import type { WorkScheduleView } from '@warden/contracts';
import { queryRows } from '../people/sql';

/** One row of `work_schedules`; `schedule` is null once cleared. */
export interface ScheduleRow {
  tenant_id: string;
  person_id: string;
  schedule: WorkSchedule | null;
  version: number;
  updated_at: Date;
}

export function toScheduleView(personId: string, row: ScheduleRow | null): WorkScheduleView {
  return {
    personId,
    schedule: row?.schedule ? inReadingOrder(row.schedule) : null,
    version: row?.version ?? 0,
    updatedAt: row?.updated_at.toISOString() ?? null,
  };
}

/** Every statement names the tenant; callers hold the employee's row lock for writes (versions stay ordered). */
@Injectable()
export class ScheduleRepository {
  async find(manager: EntityManager, tenantId: string, personId: string): Promise<ScheduleRow | null> {
    const rows = await queryRows<ScheduleRow>(manager, 'SELECT * FROM work_schedules WHERE tenant_id = $1 AND person_id = $2', [
      tenantId,
      personId,
    ]);
    return rows[0] ?? null;
  }

  /** Every schedule of the tenant that is set (the appointment book's "who works then"). */
  async allSet(manager: EntityManager, tenantId: string): Promise<ScheduleRow[]> {
    return queryRows<ScheduleRow>(manager, 'SELECT * FROM work_schedules WHERE tenant_id = $1 AND schedule IS NOT NULL', [tenantId]);
  }

  async replace(manager: EntityManager, tenantId: string, personId: string, schedule: WorkSchedule): Promise<ScheduleRow> {
    const rows = await queryRows<ScheduleRow>(
      manager,
      `INSERT INTO work_schedules (tenant_id, person_id, schedule) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, person_id) DO UPDATE
         SET schedule = EXCLUDED.schedule, version = work_schedules.version + 1, updated_at = now()
       RETURNING *`,
      [tenantId, personId, JSON.stringify(schedule)],
    );
    return rows[0]!;
  }

  /** Clears the schedule; null when there was none to clear. */
  async clear(manager: EntityManager, tenantId: string, personId: string): Promise<ScheduleRow | null> {
    const rows = await queryRows<ScheduleRow>(
      manager,
      `UPDATE work_schedules SET schedule = NULL, version = version + 1, updated_at = now()
       WHERE tenant_id = $1 AND person_id = $2 AND schedule IS NOT NULL RETURNING *`,
      [tenantId, personId],
    );
    return rows[0] ?? null;
  }
}
