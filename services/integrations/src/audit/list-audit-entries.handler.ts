import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { AuditEntryView, AuditQuery } from '@warden/contracts';
import { decodeCursor, DomainError } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { AuditEntriesRepository } from './audit-entries.repository';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

export class ListAuditEntriesQuery extends Query<Page<AuditEntryView>> {
  constructor(
    readonly tenantId: string,
    readonly query: AuditQuery,
  ) {
    super();
  }
}

/** Reading the audit log of one tenant; there is no way to change or delete an entry here. */
@QueryHandler(ListAuditEntriesQuery)
export class ListAuditEntriesHandler implements IQueryHandler<ListAuditEntriesQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entries: AuditEntriesRepository,
  ) {}

  execute({ tenantId, query }: ListAuditEntriesQuery): Promise<Page<AuditEntryView>> {
    const { cursor, limit, ...filter } = query;
    const after = decodeCursor(cursor);
    if (after && (Number.isNaN(Date.parse(after.key)) || !/^[0-9a-f-]{36}$/i.test(after.id))) {
      throw DomainError.invalid('PAGINATION.BAD_CURSOR', 'cursor', 'is not a cursor returned by this API');
    }
    const size = Math.min(Math.max(limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    return this.entries.page(this.dataSource.manager, tenantId, { ...filter, after, limit: size });
  }
}
