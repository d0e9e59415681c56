import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { SessionsMessages } from './sessions.messages';

/** Answers whether sessions are still live (the gateway's per-request check). */
@Module({
  imports: [PeopleModule],
  controllers: [SessionsMessages],
})
export class SessionsModule {}
