import { Module } from '@nestjs/common';
import { EmployeesModule } from '../employees/employees.module';
import { BranchRepository } from './branch.repository';
import { BranchesMessages } from './branches.messages';
import { BranchesService } from './branches.service';
import { EmployeeBranchesMessages } from './employee-branches.messages';
import { EmployeeBranchesService } from './employee-branches.service';

@Module({
  imports: [EmployeesModule],
  controllers: [BranchesMessages, EmployeeBranchesMessages],
  providers: [BranchRepository, BranchesService, EmployeeBranchesService],
  exports: [BranchRepository, EmployeeBranchesService],
})
export class BranchesModule {}
