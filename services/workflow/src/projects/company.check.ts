import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { CompaniesRepository } from './companies.repository';
import { ProjectErrors } from './project.errors';

/**
 * A project's counterparty must be a company of the tenant. The directory's companies reach us as events; a
 * company created a moment ago may not have arrived yet, so the directory is asked once before refusing.
 */
@Injectable()
export class CompanyCheck {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompaniesRepository,
    private readonly bus: BusClient,
  ) {}

  async require(ctx: RequestContext, companyId: string): Promise<void> {
    if (await this.companies.exists(this.dataSource.manager, ctx.tenantId, companyId)) return;
    try {
      const company = await this.bus.request('directory.companies.get', ctx, { companyId });
      await this.companies.upsert(this.dataSource.manager, ctx.tenantId, company.id, company.name, new Date(company.updatedAt));
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'not_found' || error.kind === 'validation')) throw ProjectErrors.unknownCompany();
      throw error;
    }
  }
}
