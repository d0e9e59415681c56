import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { PersonScopeView } from '@warden/contracts';
import { EmployeeBranchesRepository } from '../branches/employee-branches.repository';
import { CompanyRepository } from '../companies/company.repository';
import { DepartmentRepository } from '../departments/department.repository';

/** What a person's visibility depends on (departments, branches, managed companies), for the orders issue. */
@Controller()
export class PersonScopeMessages {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentRepository,
    private readonly branches: EmployeeBranchesRepository,
    private readonly companies: CompanyRepository,
  ) {}

  @RpcHandler('directory.employees.scope')
  async scope(@Payload() message: RpcMessage<'directory.employees.scope'>): Promise<PersonScopeView> {
    const { tenantId } = message.ctx;
    const { personId } = message.data;
    const manager = this.dataSource.manager;
    return {
      personId,
      departmentIds: await this.departments.ofPerson(manager, tenantId, personId),
      branches: await this.branches.read(manager, tenantId, personId),
      managedCompanyIds: await this.companies.managedBy(manager, tenantId, personId),
    };
  }
}
