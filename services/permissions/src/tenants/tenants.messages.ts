import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { ProvisioningService } from './provisioning.service';

@Controller()
export class TenantsMessages {
  constructor(private readonly provisioning: ProvisioningService) {}

  @RpcHandler('permissions.tenants.provision')
  provision(@Payload() message: RpcMessage<'permissions.tenants.provision'>): Promise<RpcResponse<'permissions.tenants.provision'>> {
    return this.provisioning.provision(message.ctx.tenantId, message.data.administratorId);
  }
}
