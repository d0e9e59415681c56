import { Module } from '@nestjs/common';
import { EmployeesModule } from '../employees/employees.module';
import { DepartmentRepository } from './department.repository';
import { DepartmentsMessages } from './departments.messages';
import { DepartmentsService } from './departments.service';

@Module({
  imports: [EmployeesModule],
  controllers: [DepartmentsMessages],
  providers: [DepartmentRepository, DepartmentsService],
  exports: [DepartmentRepository],
})
export class DepartmentsModule {}
