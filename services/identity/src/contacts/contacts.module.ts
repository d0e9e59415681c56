import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { GrantContactAccessHandler } from './commands/grant-contact-access.handler';
import { RevokeContactAccessHandler } from './commands/revoke-contact-access.handler';
import { UpdateContactLoginHandler } from './commands/update-contact-login.handler';
import { ContactsMessages } from './contacts.messages';

/** Client-portal logins: identity people of kind `contact`, one per directory contact. */
@Module({
  imports: [PeopleModule],
  controllers: [ContactsMessages],
  providers: [GrantContactAccessHandler, RevokeContactAccessHandler, UpdateContactLoginHandler],
})
export class ContactsModule {}
