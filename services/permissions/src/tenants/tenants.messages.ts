import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { ProvisionTenantCommand } from './provision-tenant.handler';

@Controller()
export class TenantsMessages {
  constructor(private readonly commands: CommandBus) {}

  @RpcHandler('permissions.tenants.provision')
  provision(@Payload() message: RpcMessage<'permissions.tenants.provision'>): Promise<RpcResponse<'permissions.tenants.provision'>> {
    return this.commands.execute(new ProvisionTenantCommand(message.ctx, message.data.administratorId));
  }
}
