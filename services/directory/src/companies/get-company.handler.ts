import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { CompanyView } from '@warden/contracts';
import { CompanyErrors } from './company.errors';
import { CompanyRepository } from './company.repository';

export class GetCompanyQuery extends Query<CompanyView> {
  constructor(
    readonly tenantId: string,
    readonly companyId: string,
  ) {
    super();
  }
}

@QueryHandler(GetCompanyQuery)
export class GetCompanyHandler implements IQueryHandler<GetCompanyQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompanyRepository,
  ) {}

  async execute({ tenantId, companyId }: GetCompanyQuery): Promise<CompanyView> {
    const company = await this.companies.find(this.dataSource.manager, tenantId, companyId);
    if (!company) throw CompanyErrors.notFound();
    return company;
  }
}
