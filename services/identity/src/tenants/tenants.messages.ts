import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus } from '@nestjs/cqrs';
import type { StaffView, TenantView } from '@warden/contracts';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { CreateTenantCommand } from './create-tenant.handler';

/** The tenant RPC: the message becomes a command for its handler (`create-tenant.handler.ts` beside this file). */
@Controller()
export class TenantsMessages {
  constructor(private readonly commands: CommandBus) {}

  @RpcHandler('identity.tenants.create')
  create(@Payload() message: RpcMessage<'identity.tenants.create'>): Promise<{ tenant: TenantView; administrator: StaffView }> {
    return this.commands.execute(new CreateTenantCommand(message.ctx, message.data));
  }
}
