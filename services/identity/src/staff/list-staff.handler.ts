import { Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { decodeCursor, DomainError, isUuid, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { SYSTEM_STATUSES } from '@warden/contracts';
import type { ListStaffData, StaffView } from '@warden/contracts';
import { toStaffView } from '../people/person.mapper';
import { PersonRepository } from '../people/person.repository';
import { OutsideScheduleQuery } from '../schedules/outside-schedule.handler';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export class ListStaffQuery extends Query<Page<StaffView>> {
  constructor(
    readonly tenantId: string,
    readonly filter: ListStaffData,
  ) {
    super();
  }
}

/** The staff registry, ordered by name (then id, so the order is total and the cursor stable). */
@QueryHandler(ListStaffQuery)
export class ListStaffHandler implements IQueryHandler<ListStaffQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ tenantId, filter: data }: ListStaffQuery): Promise<Page<StaffView>> {
    const limit = data.limit ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw DomainError.invalid('PAGINATION.BAD_LIMIT', 'limit', `must be an integer from 1 to ${MAX_PAGE_SIZE}`);
    }
    if (data.status !== undefined && !SYSTEM_STATUSES.includes(data.status)) {
      throw DomainError.invalid('STAFF.BAD_STATUS', 'status', `must be one of ${SYSTEM_STATUSES.join(', ')}`);
    }
    let outsideScheduleIds: string[] | undefined;
    if (data.workingAt !== undefined) {
      const instant = new Date(data.workingAt);
      if (Number.isNaN(instant.getTime())) throw DomainError.invalid('SCHEDULE.INVALID_INSTANT', 'workingAt', 'must be an ISO 8601 date-time');
      outsideScheduleIds = await this.queries.execute(new OutsideScheduleQuery(tenantId, instant));
    }
    const rows = await this.people.list(this.dataSource.manager, tenantId, {
      outsideScheduleIds,
      kind: 'employee',
      status: data.status,
      signInRefusedIds: (data.signInRefusedIds ?? []).filter(isUuid),
      search: data.search,
      includeDeleted: data.includeDeleted === true,
      after: decodeCursor(data.cursor),
      take: limit + 1,
    });
    const page = toPage(rows, limit, (row) => ({ key: row.sort_name, id: row.id }));
    return { items: page.items.map(toStaffView), nextCursor: page.nextCursor };
  }
}
