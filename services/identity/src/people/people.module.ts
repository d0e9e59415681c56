import { Module } from '@nestjs/common';
import { loadEnv } from '@warden/service-kit';
import { IDENTITY_ENV, IdentityEnv } from '../config/identity.env';
import { PresenceTracker } from '../presence/presence.tracker';
import { SessionRepository } from '../sessions/session.repository';
import { GetPersonHandler } from './get-person.handler';
import { PasswordHasher } from './password.hasher';
import { PeopleMessages } from './people.messages';
import { PersonRepository } from './person.repository';

/** What the identity features share: settings, people, sessions, presence. */
@Module({
  controllers: [PeopleMessages],
  providers: [
    { provide: IDENTITY_ENV, useFactory: () => loadEnv(IdentityEnv) },
    GetPersonHandler,
    PersonRepository,
    PasswordHasher,
    SessionRepository,
    PresenceTracker,
  ],
  exports: [IDENTITY_ENV, PersonRepository, PasswordHasher, SessionRepository, PresenceTracker],
})
export class PeopleModule {}
