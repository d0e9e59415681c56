import { Module } from '@nestjs/common';
import { BranchesModule } from './branches/branches.module';
import { ChannelsModule } from './channels/channels.module';
import { CompaniesModule } from './companies/companies.module';
import { ContactsModule } from './contacts/contacts.module';
import { DepartmentsModule } from './departments/departments.module';
import { EmployeesModule } from './employees/employees.module';
import { EquipmentModule } from './equipment/equipment.module';
import { ScopeModule } from './scope/scope.module';

/** The organisation's structure (branches, departments, channels) and its clients (contacts, companies, equipment). */
@Module({
  imports: [
    EmployeesModule,
    BranchesModule,
    DepartmentsModule,
    ChannelsModule,
    ContactsModule,
    CompaniesModule,
    EquipmentModule,
    ScopeModule,
  ],
})
export class DirectoryModule {}
