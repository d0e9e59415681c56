import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@warden/contracts';
import { EmployeeCheck } from '../employees/employee.check';
import { CompanyErrors } from './company.errors';
import { CompanyRepository } from './company.repository';

/**
 * A client manager is a contact of the company (it sees the company's tickets through the portal)
 * or an employee (an account manager). A contact of another company, or of none, is refused.
 */
@Injectable()
export class ClientManagersCheck {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompanyRepository,
    private readonly employees: EmployeeCheck,
  ) {}

  async require(ctx: RequestContext, companyId: string, managers: string[]): Promise<void> {
    const contacts = await this.companies.contactCompanies(this.dataSource.manager, ctx.tenantId, managers);
    if ([...contacts.values()].some((contactCompany) => contactCompany !== companyId))
      throw CompanyErrors.managerOfOtherCompany('clientManagerIds');
    await this.employees.requireEmployees(
      ctx,
      managers.filter((id) => !contacts.has(id)),
      'clientManagerIds',
    );
  }
}
