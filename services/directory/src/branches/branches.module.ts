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
import { EmployeeBranchesService } from './employee-branches.service';

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
    EmployeeBranchesService,
  ],
  exports: [BranchRepository, EmployeeBranchesService],
})
export class BranchesModule {}
