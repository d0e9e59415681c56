import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { HeartbeatHandler } from './heartbeat.handler';
import { PresenceMessages } from './presence.messages';
import { PresenceSweeper } from './presence.sweeper';

@Module({
  imports: [PeopleModule],
  controllers: [PresenceMessages],
  providers: [HeartbeatHandler, PresenceSweeper],
})
export class PresenceModule {}
