import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Page } from '@warden/kernel';
import type { StaffView } from '@warden/contracts';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { CreateStaffCommand } from './create-staff.handler';
import { DeleteStaffCommand } from './delete-staff.handler';
import { GetStaffQuery } from './get-staff.handler';
import { ListStaffQuery } from './list-staff.handler';
import { UpdateStaffCommand } from './update-staff.handler';

/**
 * The staff registry over the bus; the tenant always comes from the caller's context. Each message becomes one
 * command or query for its handler (`*.handler.ts` beside this file).
 */
@Controller()
export class StaffMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('identity.staff.list')
  list(@Payload() message: RpcMessage<'identity.staff.list'>): Promise<Page<StaffView>> {
    return this.queries.execute(new ListStaffQuery(message.ctx.tenantId, message.data));
  }

  @RpcHandler('identity.staff.get')
  get(@Payload() message: RpcMessage<'identity.staff.get'>): Promise<StaffView> {
    return this.queries.execute(new GetStaffQuery(message.ctx.tenantId, message.data.personId));
  }

  @RpcHandler('identity.staff.create')
  create(@Payload() message: RpcMessage<'identity.staff.create'>): Promise<StaffView> {
    return this.commands.execute(new CreateStaffCommand(message.ctx, message.data));
  }

  @RpcHandler('identity.staff.update')
  update(@Payload() message: RpcMessage<'identity.staff.update'>): Promise<StaffView> {
    return this.commands.execute(new UpdateStaffCommand(message.ctx, message.data.personId, message.data.changes, message.data.access));
  }

  @RpcHandler('identity.staff.delete')
  delete(@Payload() message: RpcMessage<'identity.staff.delete'>): Promise<StaffView> {
    return this.commands.execute(new DeleteStaffCommand(message.ctx, message.data.personId));
  }
}
