import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { BranchView } from '@warden/contracts';
import { BranchesService } from './branches.service';

@Controller()
export class BranchesMessages {
  constructor(private readonly branches: BranchesService) {}

  @RpcHandler('directory.branches.list')
  list(@Payload() message: RpcMessage<'directory.branches.list'>): Promise<BranchView[]> {
    return this.branches.list(message.ctx.tenantId);
  }

  @RpcHandler('directory.branches.get')
  get(@Payload() message: RpcMessage<'directory.branches.get'>): Promise<BranchView> {
    return this.branches.get(message.ctx.tenantId, message.data.branchId);
  }

  @RpcHandler('directory.branches.create')
  create(@Payload() message: RpcMessage<'directory.branches.create'>): Promise<BranchView> {
    return this.branches.create(message.ctx.tenantId, message.data);
  }

  @RpcHandler('directory.branches.update')
  update(@Payload() message: RpcMessage<'directory.branches.update'>): Promise<BranchView> {
    return this.branches.update(message.ctx.tenantId, message.data.branchId, message.data.changes);
  }

  @RpcHandler('directory.branches.delete')
  delete(@Payload() message: RpcMessage<'directory.branches.delete'>): Promise<{ deleted: true }> {
    return this.branches.delete(message.ctx.tenantId, message.data.branchId);
  }
}
