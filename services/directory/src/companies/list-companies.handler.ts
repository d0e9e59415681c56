import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { decodeCursor, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import type { CompanyView, ListCompaniesData } from '@warden/contracts';
import { likePattern } from '../shared/text';
import { CompanyRepository } from './company.repository';

export class ListCompaniesQuery extends Query<Page<CompanyView>> {
  constructor(
    readonly tenantId: string,
    readonly filter: ListCompaniesData,
  ) {
    super();
  }
}

/** A page of companies by name, optionally those whose name matches `search`. */
@QueryHandler(ListCompaniesQuery)
export class ListCompaniesHandler implements IQueryHandler<ListCompaniesQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompanyRepository,
  ) {}

  async execute({ tenantId, filter }: ListCompaniesQuery): Promise<Page<CompanyView>> {
    const after = decodeCursor(filter.cursor);
    const search = filter.search ? likePattern(filter.search) : undefined;
    const rows = await this.companies.page(this.dataSource.manager, tenantId, { search, after, limit: filter.limit });
    const page = toPage(rows, filter.limit, (row) => ({ key: row.sortName, id: row.id }));
    return { ...page, items: page.items.map(({ sortName: _sortName, ...view }) => view) };
  }
}
