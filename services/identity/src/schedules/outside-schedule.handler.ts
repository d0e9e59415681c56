import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { isWorkingAt } from '@warden/kernel';
import { ScheduleRepository } from './schedule.repository';

/** Asked by the staff registry's `workingAt` filter (staff/list-staff.handler.ts); no RPC of its own. */
export class OutsideScheduleQuery extends Query<string[]> {
  constructor(
    readonly tenantId: string,
    readonly instant: Date,
  ) {
    super();
  }
}

/** The people of a tenant whose schedule puts them outside work hours at an instant; no schedule counts as inside. */
@QueryHandler(OutsideScheduleQuery)
export class OutsideScheduleHandler implements IQueryHandler<OutsideScheduleQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schedules: ScheduleRepository,
  ) {}

  async execute({ tenantId, instant }: OutsideScheduleQuery): Promise<string[]> {
    const rows = await this.schedules.allSet(this.dataSource.manager, tenantId);
    return rows.filter((row) => row.schedule !== null && !isWorkingAt(row.schedule, instant)).map((row) => row.person_id);
  }
}
