import { Module } from '@nestjs/common';
import { EmployeeCheck } from './employee.check';
import { EmployeeEventsConsumer } from './employee-events.consumer';
import { EmployeeRepository } from './employee.repository';

/** The employee read model and the check every feature uses before naming a person. */
@Module({
  providers: [EmployeeRepository, EmployeeEventsConsumer, EmployeeCheck],
  exports: [EmployeeCheck, EmployeeRepository],
})
export class EmployeesModule {}
