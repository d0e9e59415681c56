import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isWorkingAt } from '@warden/kernel';
import { ScheduleRepository } from '../schedule.repository';

/** The people of a tenant whose schedule puts them outside work hours at an instant; no schedule counts as inside. */
@Injectable()
export class OutsideScheduleHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schedules: ScheduleRepository,
  ) {}

  async execute(tenantId: string, instant: Date): Promise<string[]> {
    const rows = await this.schedules.allSet(this.dataSource.manager, tenantId);
    return rows.filter((row) => row.schedule !== null && !isWorkingAt(row.schedule, instant)).map((row) => row.person_id);
  }
}
