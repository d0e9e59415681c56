import { Module } from '@nestjs/common';
import { StaffController } from './staff.controller';
import { StaffFacade } from './staff.facade';

@Module({
  controllers: [StaffController],
  providers: [StaffFacade],
  exports: [StaffFacade],
})
export class StaffModule {}
