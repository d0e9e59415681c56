import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditEntryView, AuditQuery } from '@warden/contracts';
import { decodeCursor, DomainError } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { AuditEntriesRepository } from './audit-entries.repository';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

/** Reading the audit log of one tenant; there is no way to change or delete an entry here. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entries: AuditEntriesRepository,
  ) {}

  list(tenantId: string, query: AuditQuery): Promise<Page<AuditEntryView>> {
    const { cursor, limit, ...filter } = query;
    const after = decodeCursor(cursor);
    if (after && (Number.isNaN(Date.parse(after.key)) || !/^[0-9a-f-]{36}$/i.test(after.id))) {
      throw DomainError.invalid('PAGINATION.BAD_CURSOR', 'cursor', 'is not a cursor returned by this API');
    }
    const size = Math.min(Math.max(limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    return this.entries.page(this.dataSource.manager, tenantId, { ...filter, after, limit: size });
  }
}
