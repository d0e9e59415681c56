import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { GrantContactAccessHandler } from './grant-contact-access.handler';
import { RevokeContactAccessHandler } from './revoke-contact-access.handler';
import { UpdateContactLoginHandler } from './update-contact-login.handler';
import { ContactsMessages } from './contacts.messages';

/** Client-portal logins: identity people of kind `contact`, one per directory contact. */
@Module({
  imports: [PeopleModule],
  controllers: [ContactsMessages],
  providers: [GrantContactAccessHandler, RevokeContactAccessHandler, UpdateContactLoginHandler],
})
export class ContactsModule {}
