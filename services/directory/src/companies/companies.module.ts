import { Module } from '@nestjs/common';
import { EmployeesModule } from '../employees/employees.module';
import { ClientManagersCheck } from './client-managers.check';
import { CompaniesMessages } from './companies.messages';
import { CompanyRepository } from './company.repository';
import { CreateCompanyHandler } from './create-company.handler';
import { GetCompanyHandler } from './get-company.handler';
import { ListCompaniesHandler } from './list-companies.handler';
import { UpdateCompanyHandler } from './update-company.handler';

@Module({
  imports: [EmployeesModule],
  controllers: [CompaniesMessages],
  providers: [CompanyRepository, ClientManagersCheck, ListCompaniesHandler, GetCompanyHandler, CreateCompanyHandler, UpdateCompanyHandler],
  exports: [CompanyRepository],
})
export class CompaniesModule {}
