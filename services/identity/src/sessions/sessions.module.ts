import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { CheckSessionsHandler } from './check-sessions.handler';
import { EndPeopleSessionsHandler } from './end-people-sessions.handler';
import { SessionsMessages } from './sessions.messages';

/** Answers whether sessions are still live (the gateway's per-request check); ends the sessions of barred people. */
@Module({
  imports: [PeopleModule],
  controllers: [SessionsMessages],
  providers: [CheckSessionsHandler, EndPeopleSessionsHandler],
})
export class SessionsModule {}
