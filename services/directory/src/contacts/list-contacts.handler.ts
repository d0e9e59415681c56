import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { decodeCursor, digitsOf, phoneSearchDigits, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import type { ContactView, ListContactsData } from '@warden/contracts';
import { likePattern } from '../shared/text';
import { ContactRepository } from './contact.repository';

export class ListContactsQuery extends Query<Page<ContactView>> {
  constructor(
    readonly tenantId: string,
    readonly filter: ListContactsData,
  ) {
    super();
  }
}

/** A page of contacts by name; `search` matches the name, the email, or a phone by its digits. */
@QueryHandler(ListContactsQuery)
export class ListContactsHandler implements IQueryHandler<ListContactsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactRepository,
  ) {}

  async execute({ tenantId, filter: data }: ListContactsQuery): Promise<Page<ContactView>> {
    const after = decodeCursor(data.cursor);
    const search = data.search;
    const rows = await this.contacts.page(this.dataSource.manager, tenantId, {
      searchPattern: search ? likePattern(search) : undefined,
      searchDigits: phoneSearchDigits(search),
      namePattern: data.name ? likePattern(data.name) : undefined,
      emailPattern: data.email ? likePattern(data.email) : undefined,
      phoneDigits: digitsOf(data.phone) || undefined,
      companyId: data.companyId,
      status: data.status,
      branchId: data.branchId,
      responsibleEmployeeId: data.responsibleEmployeeId,
      notifications: data.notifications,
      after,
      limit: data.limit,
    });
    const page = toPage(rows, data.limit, (row) => ({ key: row.sortName, id: row.id }));
    return { ...page, items: page.items.map(({ sortName: _sortName, ...view }) => view) };
  }
}
