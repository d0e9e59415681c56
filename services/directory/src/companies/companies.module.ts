import { Module } from '@nestjs/common';
import { EmployeesModule } from '../employees/employees.module';
import { CompaniesMessages } from './companies.messages';
import { CompaniesService } from './companies.service';
import { CompanyRepository } from './company.repository';

@Module({
  imports: [EmployeesModule],
  controllers: [CompaniesMessages],
  providers: [CompanyRepository, CompaniesService],
  exports: [CompanyRepository],
})
export class CompaniesModule {}
