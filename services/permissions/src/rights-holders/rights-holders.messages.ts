import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RightsHolders, SignInRefusalEntry } from '@warden/contracts';
import { RightsHoldersService } from './rights-holders.service';

@Controller()
export class RightsHoldersMessages {
  constructor(private readonly service: RightsHoldersService) {}

  @RpcHandler('permissions.rights.holders')
  holders(@Payload() message: RpcMessage<'permissions.rights.holders'>): Promise<RightsHolders> {
    return this.service.holders(message.ctx.tenantId, message.data);
  }

  @RpcHandler('permissions.sign-in.refusals')
  signInRefusals(@Payload() message: RpcMessage<'permissions.sign-in.refusals'>): Promise<SignInRefusalEntry[]> {
    return this.service.signInRefusals(message.ctx.tenantId, message.data.personIds);
  }
}
