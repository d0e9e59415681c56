import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RightsHolders, SignInRefusalEntry } from '@warden/contracts';
import { GetRightsHoldersQuery } from './get-rights-holders.handler';
import { GetSignInRefusalsQuery } from './get-sign-in-refusals.handler';

@Controller()
export class RightsHoldersMessages {
  constructor(private readonly queries: QueryBus) {}

  @RpcHandler('permissions.rights.holders')
  holders(@Payload() message: RpcMessage<'permissions.rights.holders'>): Promise<RightsHolders> {
    return this.queries.execute(new GetRightsHoldersQuery(message.ctx.tenantId, message.data));
  }

  @RpcHandler('permissions.sign-in.refusals')
  signInRefusals(@Payload() message: RpcMessage<'permissions.sign-in.refusals'>): Promise<SignInRefusalEntry[]> {
    return this.queries.execute(new GetSignInRefusalsQuery(message.ctx.tenantId, message.data.personIds));
  }
}
