import { Module } from '@nestjs/common';
import { BranchesModule } from '../branches/branches.module';
import { CompaniesModule } from '../companies/companies.module';
import { EmployeesModule } from '../employees/employees.module';
import { ContactReferencesCheck } from './contact-references.check';
import { ContactRepository } from './contact.repository';
import { ContactsMessages } from './contacts.messages';
import { CreateContactHandler } from './create-contact.handler';
import { GetContactHandler } from './get-contact.handler';
import { GrantPortalAccessHandler } from './grant-portal-access.handler';
import { ListContactsHandler } from './list-contacts.handler';
import { PortalLoginClient } from './portal-login.client';
import { RevokePortalAccessHandler } from './revoke-portal-access.handler';
import { UpdateContactHandler } from './update-contact.handler';

@Module({
  imports: [EmployeesModule, BranchesModule, CompaniesModule],
  controllers: [ContactsMessages],
  providers: [
    ContactRepository,
    ContactReferencesCheck,
    PortalLoginClient,
    ListContactsHandler,
    GetContactHandler,
    CreateContactHandler,
    UpdateContactHandler,
    GrantPortalAccessHandler,
    RevokePortalAccessHandler,
  ],
  exports: [ContactRepository],
})
export class ContactsModule {}
