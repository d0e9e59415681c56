import { Module } from '@nestjs/common';
import { PeopleDirectory } from './people.directory';
import { PeopleEventsConsumer } from './people-events.consumer';
import { PeopleRepository } from './people.repository';

/** Who the tenant's people are (employees and contacts), for participants, auditors and grants. */
@Module({
  providers: [PeopleRepository, PeopleDirectory, PeopleEventsConsumer],
  exports: [PeopleRepository, PeopleDirectory],
})
export class PeopleModule {}
