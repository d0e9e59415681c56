import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import type { ListStaffData, StaffView } from '@warden/contracts';
import { toStaffView } from '../../people/person.mapper';
import { PersonRepository } from '../../people/person.repository';
import { OutsideScheduleHandler } from '../../schedules/queries/outside-schedule.handler';

/** The staff registry, ordered by name (then id, so the order is total and the cursor stable). */
@Injectable()
export class ListStaffHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly outsideSchedule: OutsideScheduleHandler,
  ) {}

  async execute(tenantId: string, data: ListStaffData): Promise<Page<StaffView>> {
    const limit = data.limit;
    const outsideScheduleIds = data.workingAt === undefined ? undefined : await this.outsideSchedule.execute(tenantId, new Date(data.workingAt));
    const rows = await this.people.list(this.dataSource.manager, tenantId, {
      outsideScheduleIds,
      kind: 'employee',
      status: data.status,
      signInRefusedIds: data.signInRefusedIds ?? [],
      search: data.search,
      includeDeleted: data.includeDeleted === true,
      after: decodeCursor(data.cursor),
      take: limit + 1,
    });
    const page = toPage(rows, limit, (row) => ({ key: row.sort_name, id: row.id }));
    return { items: page.items.map(toStaffView), nextCursor: page.nextCursor };
  }
}
