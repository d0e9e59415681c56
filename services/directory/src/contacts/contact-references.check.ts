import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ContactChanges, ContactFields, RequestContext } from '@warden/contracts';
import { BranchErrors } from '../branches/branch.errors';
import { BranchRepository } from '../branches/branch.repository';
import { CompanyErrors } from '../companies/company.errors';
import { CompanyRepository } from '../companies/company.repository';
import { EmployeeCheck } from '../employees/employee.check';
import type { ContactRecord } from './contact.repository';

/** The company, branch and responsible employee a contact names must be the tenant's. */
@Injectable()
export class ContactReferencesCheck {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompanyRepository,
    private readonly branches: BranchRepository,
    private readonly employees: EmployeeCheck,
  ) {}

  /** Other-tenant or unknown ids are refused naming the field; on update only the fields being changed are checked. */
  async require(ctx: RequestContext, record: ContactRecord, changes?: ContactChanges): Promise<void> {
    const manager = this.dataSource.manager;
    const changed = (field: keyof ContactFields): boolean => changes === undefined || changes[field] !== undefined;
    if (record.companyId && changed('companyId') && !(await this.companies.exists(manager, ctx.tenantId, record.companyId))) {
      throw CompanyErrors.unknown('companyId');
    }
    if (
      record.branchId &&
      changed('branchId') &&
      !(await this.branches.existing(manager, ctx.tenantId, [record.branchId])).has(record.branchId)
    ) {
      throw BranchErrors.unknown('branchId');
    }
    if (record.responsibleEmployeeId && changed('responsibleEmployeeId')) {
      await this.employees.requireEmployees(ctx, [record.responsibleEmployeeId], 'responsibleEmployeeId');
    }
  }
}
