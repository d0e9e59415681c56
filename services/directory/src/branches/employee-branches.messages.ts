import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { EmployeeBranchesView } from '@warden/contracts';
import { EmployeeBranchesService } from './employee-branches.service';

@Controller()
export class EmployeeBranchesMessages {
  constructor(private readonly access: EmployeeBranchesService) {}

  @RpcHandler('directory.employees.branches.get')
  get(@Payload() message: RpcMessage<'directory.employees.branches.get'>): Promise<EmployeeBranchesView> {
    return this.access.get(message.ctx, message.data.personId);
  }

  @RpcHandler('directory.employees.branches.put')
  put(@Payload() message: RpcMessage<'directory.employees.branches.put'>): Promise<EmployeeBranchesView> {
    return this.access.put(message.ctx, message.data);
  }
}
