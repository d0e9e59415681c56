import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { CreateStaffHandler } from './create-staff.handler';
import { DeleteStaffHandler } from './delete-staff.handler';
import { GetStaffHandler } from './get-staff.handler';
import { ListStaffHandler } from './list-staff.handler';
import { StaffMessages } from './staff.messages';
import { UpdateStaffHandler } from './update-staff.handler';

@Module({
  imports: [PeopleModule],
  controllers: [StaffMessages],
  providers: [ListStaffHandler, GetStaffHandler, CreateStaffHandler, UpdateStaffHandler, DeleteStaffHandler],
})
export class StaffModule {}
