import { Module } from '@nestjs/common';
import { BranchesModule } from '../branches/branches.module';
import { CompaniesModule } from '../companies/companies.module';
import { DepartmentsModule } from '../departments/departments.module';
import { GetPersonScopeHandler } from './get-person-scope.handler';
import { PersonScopeMessages } from './person-scope.messages';

@Module({
  imports: [BranchesModule, DepartmentsModule, CompaniesModule],
  controllers: [PersonScopeMessages],
  providers: [GetPersonScopeHandler],
})
export class ScopeModule {}
