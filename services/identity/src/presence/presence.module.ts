import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { PresenceMessages } from './presence.messages';
import { PresenceSweeper } from './presence.sweeper';

@Module({
  imports: [PeopleModule],
  controllers: [PresenceMessages],
  providers: [PresenceSweeper],
})
export class PresenceModule {}
