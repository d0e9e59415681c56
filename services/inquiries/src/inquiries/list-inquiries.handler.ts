import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { decodeCursor, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import type { InquiryScope, InquiryStatus, InquiryView } from '@warden/contracts';
import { InquiryRepository, toInquiryView } from './inquiry.repository';

/** `scope`: which inquiries the person sees, as the permissions service answered; part of the SQL. */
export class ListInquiriesQuery extends Query<Page<InquiryView>> {
  constructor(
    readonly tenantId: string,
    readonly scope: InquiryScope,
    readonly query: { status?: InquiryStatus; assigneeId?: string; cursor?: string; limit: number },
  ) {
    super();
  }
}

@QueryHandler(ListInquiriesQuery)
export class ListInquiriesHandler implements IQueryHandler<ListInquiriesQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inquiries: InquiryRepository,
  ) {}

  async execute({ tenantId, scope, query }: ListInquiriesQuery): Promise<Page<InquiryView>> {
    const { limit } = query;
    const after = decodeCursor(query.cursor);
    const rows = await this.inquiries.list(this.dataSource.manager, tenantId, {
      status: query.status,
      assigneeId: query.assigneeId,
      afterId: after?.id,
      limit,
      scope,
    });
    return toPage(rows.map(toInquiryView), limit, (row) => ({ key: row.id, id: row.id }));
  }
}
