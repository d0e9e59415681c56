import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { ClearScheduleHandler } from './clear-schedule.handler';
import { GetScheduleHandler } from './get-schedule.handler';
import { OutsideScheduleHandler } from './outside-schedule.handler';
import { PutScheduleHandler } from './put-schedule.handler';
import { WorkingNowHandler } from './working-now.handler';
import { ScheduleRepository } from './schedule.repository';
import { SchedulesMessages } from './schedules.messages';

/** Employees' weekly work schedules with exceptions, and "working now" for anyone who asks. */
@Module({
  imports: [PeopleModule],
  controllers: [SchedulesMessages],
  providers: [ScheduleRepository, GetScheduleHandler, PutScheduleHandler, ClearScheduleHandler, WorkingNowHandler, OutsideScheduleHandler],
})
export class SchedulesModule {}
