import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { BranchView } from '@warden/contracts';
import { CreateBranchCommand } from './create-branch.handler';
import { DeleteBranchCommand } from './delete-branch.handler';
import { GetBranchQuery } from './get-branch.handler';
import { ListBranchesQuery } from './list-branches.handler';
import { UpdateBranchCommand } from './update-branch.handler';

/** The branch RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class BranchesMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('directory.branches.list')
  list(@Payload() message: RpcMessage<'directory.branches.list'>): Promise<BranchView[]> {
    return this.queries.execute(new ListBranchesQuery(message.ctx.tenantId));
  }

  @RpcHandler('directory.branches.get')
  get(@Payload() message: RpcMessage<'directory.branches.get'>): Promise<BranchView> {
    return this.queries.execute(new GetBranchQuery(message.ctx.tenantId, message.data.branchId));
  }

  @RpcHandler('directory.branches.create')
  create(@Payload() message: RpcMessage<'directory.branches.create'>): Promise<BranchView> {
    return this.commands.execute(new CreateBranchCommand(message.ctx, message.data));
  }

  @RpcHandler('directory.branches.update')
  update(@Payload() message: RpcMessage<'directory.branches.update'>): Promise<BranchView> {
    return this.commands.execute(new UpdateBranchCommand(message.ctx, message.data.branchId, message.data.changes));
  }

  @RpcHandler('directory.branches.delete')
  delete(@Payload() message: RpcMessage<'directory.branches.delete'>): Promise<{ deleted: true }> {
    return this.commands.execute(new DeleteBranchCommand(message.ctx, message.data.branchId));
  }
}
