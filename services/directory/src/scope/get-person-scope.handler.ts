import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { PersonScopeView } from '@warden/contracts';
import { EmployeeBranchesRepository } from '../branches/employee-branches.repository';
import { CompanyRepository } from '../companies/company.repository';
import { DepartmentRepository } from '../departments/department.repository';

export class GetPersonScopeQuery extends Query<PersonScopeView> {
  constructor(
    readonly tenantId: string,
    readonly personId: string,
  ) {
    super();
  }
}

/** What a person's visibility depends on (departments, branches, managed companies), for the orders issue. */
@QueryHandler(GetPersonScopeQuery)
export class GetPersonScopeHandler implements IQueryHandler<GetPersonScopeQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentRepository,
    private readonly branches: EmployeeBranchesRepository,
    private readonly companies: CompanyRepository,
  ) {}

  async execute({ tenantId, personId }: GetPersonScopeQuery): Promise<PersonScopeView> {
    const manager = this.dataSource.manager;
    return {
      personId,
      departmentIds: await this.departments.ofPerson(manager, tenantId, personId),
      branches: await this.branches.read(manager, tenantId, personId),
      managedCompanyIds: await this.companies.managedBy(manager, tenantId, personId),
    };
  }
}
