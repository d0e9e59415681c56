import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { GetPersonRightsQuery } from './get-person-rights.handler';
import { SetOverrideCommand } from './set-override.handler';

@Controller()
export class OverridesMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('permissions.overrides.list')
  list(@Payload() message: RpcMessage<'permissions.overrides.list'>): Promise<RpcResponse<'permissions.overrides.list'>> {
    return this.queries.execute(new GetPersonRightsQuery(message.ctx.tenantId, message.data.personId));
  }

  @RpcHandler('permissions.overrides.set')
  set(@Payload() message: RpcMessage<'permissions.overrides.set'>): Promise<RpcResponse<'permissions.overrides.set'>> {
    return this.commands.execute(new SetOverrideCommand(message.ctx, message.data));
  }
}
