import { Module } from '@nestjs/common';
import { BranchesModule } from '../branches/branches.module';
import { CompaniesModule } from '../companies/companies.module';
import { EmployeesModule } from '../employees/employees.module';
import { ContactRepository } from './contact.repository';
import { ContactsMessages } from './contacts.messages';
import { ContactsService } from './contacts.service';
import { PortalAccessService } from './portal-access.service';

@Module({
  imports: [EmployeesModule, BranchesModule, CompaniesModule],
  controllers: [ContactsMessages],
  providers: [ContactRepository, ContactsService, PortalAccessService],
  exports: [ContactRepository, ContactsService],
})
export class ContactsModule {}
