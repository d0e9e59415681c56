import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { EmployeeBranchesView } from '@warden/contracts';
import { GetEmployeeBranchesQuery } from './get-employee-branches.handler';
import { SetEmployeeBranchesCommand } from './set-employee-branches.handler';

/** An employee's branches: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class EmployeeBranchesMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('directory.employees.branches.get')
  get(@Payload() message: RpcMessage<'directory.employees.branches.get'>): Promise<EmployeeBranchesView> {
    return this.queries.execute(new GetEmployeeBranchesQuery(message.ctx, message.data.personId));
  }

  @RpcHandler('directory.employees.branches.put')
  put(@Payload() message: RpcMessage<'directory.employees.branches.put'>): Promise<EmployeeBranchesView> {
    return this.commands.execute(new SetEmployeeBranchesCommand(message.ctx, message.data));
  }
}
