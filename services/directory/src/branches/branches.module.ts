import { Module } from '@nestjs/common';
import { EmployeesModule } from '../employees/employees.module';
import { BranchRepository } from './branch.repository';
import { BranchesMessages } from './branches.messages';
import { CreateBranchHandler } from './create-branch.handler';
import { DeleteBranchHandler } from './delete-branch.handler';
import { GetBranchHandler } from './get-branch.handler';
import { ListBranchesHandler } from './list-branches.handler';
import { UpdateBranchHandler } from './update-branch.handler';
import { EmployeeBranchesMessages } from './employee-branches.messages';
import { EmployeeBranchesRepository } from './employee-branches.repository';
import { GetEmployeeBranchesHandler } from './get-employee-branches.handler';
import { SetEmployeeBranchesHandler } from './set-employee-branches.handler';

@Module({
  imports: [EmployeesModule],
  controllers: [BranchesMessages, EmployeeBranchesMessages],
  providers: [
    BranchRepository,
    ListBranchesHandler,
    GetBranchHandler,
    CreateBranchHandler,
    UpdateBranchHandler,
    DeleteBranchHandler,
    EmployeeBranchesRepository,
    GetEmployeeBranchesHandler,
    SetEmployeeBranchesHandler,
  ],
  exports: [BranchRepository, EmployeeBranchesRepository],
})
export class BranchesModule {}
