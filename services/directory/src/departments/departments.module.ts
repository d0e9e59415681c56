import { Module } from '@nestjs/common';
import { EmployeesModule } from '../employees/employees.module';
import { AddDepartmentMembersHandler } from './add-department-members.handler';
import { CreateDepartmentHandler } from './create-department.handler';
import { DeleteDepartmentHandler } from './delete-department.handler';
import { DepartmentRepository } from './department.repository';
import { DepartmentsMessages } from './departments.messages';
import { GetDepartmentHandler } from './get-department.handler';
import { ListDepartmentsHandler } from './list-departments.handler';
import { PreviewDepartmentUpdateHandler } from './preview-department-update.handler';
import { RemoveDepartmentMembersHandler } from './remove-department-members.handler';
import { UpdateDepartmentHandler } from './update-department.handler';

@Module({
  imports: [EmployeesModule],
  controllers: [DepartmentsMessages],
  providers: [
    DepartmentRepository,
    ListDepartmentsHandler,
    GetDepartmentHandler,
    CreateDepartmentHandler,
    UpdateDepartmentHandler,
    PreviewDepartmentUpdateHandler,
    DeleteDepartmentHandler,
    AddDepartmentMembersHandler,
    RemoveDepartmentMembersHandler,
  ],
  exports: [DepartmentRepository],
})
export class DepartmentsModule {}
