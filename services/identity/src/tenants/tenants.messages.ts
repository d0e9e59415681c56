import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { StaffView, TenantView } from '@warden/contracts';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { CreateTenantHandler } from './commands/create-tenant.handler';

@Controller()
export class TenantsMessages {
  constructor(private readonly createTenant: CreateTenantHandler) {}

  @RpcHandler('identity.tenants.create')
  create(@Payload() message: RpcMessage<'identity.tenants.create'>): Promise<{ tenant: TenantView; administrator: StaffView }> {
    return this.createTenant.execute(message.data);
  }
}
