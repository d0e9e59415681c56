import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { ClearScheduleHandler } from './commands/clear-schedule.handler';
import { PutScheduleHandler } from './commands/put-schedule.handler';
import { GetScheduleHandler } from './queries/get-schedule.handler';
import { OutsideScheduleHandler } from './queries/outside-schedule.handler';
import { WorkingNowHandler } from './queries/working-now.handler';
import { ScheduleRepository } from './schedule.repository';
import { SchedulesMessages } from './schedules.messages';

/** Employees' weekly work schedules with exceptions, and "working now" for anyone who asks. */
@Module({
  imports: [PeopleModule],
  controllers: [SchedulesMessages],
  providers: [ScheduleRepository, GetScheduleHandler, PutScheduleHandler, ClearScheduleHandler, WorkingNowHandler, OutsideScheduleHandler],
  exports: [OutsideScheduleHandler],
})
export class SchedulesModule {}
