import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { CreateStaffHandler } from './commands/create-staff.handler';
import { DeleteStaffHandler } from './commands/delete-staff.handler';
import { UpdateStaffHandler } from './commands/update-staff.handler';
import { ListStaffHandler } from './queries/list-staff.handler';
import { StaffMessages } from './staff.messages';

@Module({
  imports: [PeopleModule],
  controllers: [StaffMessages],
  providers: [ListStaffHandler, CreateStaffHandler, UpdateStaffHandler, DeleteStaffHandler],
})
export class StaffModule {}
