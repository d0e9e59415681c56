import { Module } from '@nestjs/common';
import { ScheduleController } from './schedule.controller';
import { StaffController } from './staff.controller';
import { StaffFacade } from './staff.facade';

@Module({
  controllers: [StaffController, ScheduleController],
  providers: [StaffFacade],
  exports: [StaffFacade],
})
export class StaffModule {}
