import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { OverridesService } from './overrides.service';

@Controller()
export class OverridesMessages {
  constructor(private readonly overrides: OverridesService) {}

  @RpcHandler('permissions.overrides.list')
  list(@Payload() message: RpcMessage<'permissions.overrides.list'>): Promise<RpcResponse<'permissions.overrides.list'>> {
    return this.overrides.of(message.ctx.tenantId, message.data.personId);
  }

  @RpcHandler('permissions.overrides.set')
  set(@Payload() message: RpcMessage<'permissions.overrides.set'>): Promise<RpcResponse<'permissions.overrides.set'>> {
    return this.overrides.set(message.ctx.tenantId, message.data);
  }
}
