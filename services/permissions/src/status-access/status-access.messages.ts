import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { GetGroupStatusAccessQuery } from './get-group-status-access.handler';
import { GetPersonStatusAccessQuery } from './get-person-status-access.handler';
import { GetVisibleStatusesQuery } from './get-visible-statuses.handler';
import { PutGroupStatusAccessCommand } from './put-group-status-access.handler';
import { PutPersonStatusAccessCommand } from './put-person-status-access.handler';

/** The status-access RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class StatusAccessMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('permissions.orders.visible-statuses')
  visible(
    @Payload() message: RpcMessage<'permissions.orders.visible-statuses'>,
  ): Promise<RpcResponse<'permissions.orders.visible-statuses'>> {
    return this.queries.execute(new GetVisibleStatusesQuery(message.ctx.tenantId, message.data.personId));
  }

  @RpcHandler('permissions.status-access.person.get')
  person(
    @Payload() message: RpcMessage<'permissions.status-access.person.get'>,
  ): Promise<RpcResponse<'permissions.status-access.person.get'>> {
    return this.queries.execute(new GetPersonStatusAccessQuery(message.ctx.tenantId, message.data.personId));
  }

  @RpcHandler('permissions.status-access.person.put')
  putPerson(
    @Payload() message: RpcMessage<'permissions.status-access.person.put'>,
  ): Promise<RpcResponse<'permissions.status-access.person.put'>> {
    const { personId, levels, mayChangeClosed } = message.data;
    return this.commands.execute(new PutPersonStatusAccessCommand(message.ctx, personId, levels, mayChangeClosed));
  }

  @RpcHandler('permissions.status-access.group.get')
  group(
    @Payload() message: RpcMessage<'permissions.status-access.group.get'>,
  ): Promise<RpcResponse<'permissions.status-access.group.get'>> {
    return this.queries.execute(new GetGroupStatusAccessQuery(message.ctx.tenantId, message.data.groupId));
  }

  @RpcHandler('permissions.status-access.group.put')
  putGroup(
    @Payload() message: RpcMessage<'permissions.status-access.group.put'>,
  ): Promise<RpcResponse<'permissions.status-access.group.put'>> {
    return this.commands.execute(new PutGroupStatusAccessCommand(message.ctx, message.data.groupId, message.data.levels));
  }
}
