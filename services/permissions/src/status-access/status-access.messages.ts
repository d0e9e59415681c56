import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { StatusAccessService } from './status-access.service';

@Controller()
export class StatusAccessMessages {
  constructor(private readonly access: StatusAccessService) {}

  @RpcHandler('permissions.orders.visible-statuses')
  visible(
    @Payload() message: RpcMessage<'permissions.orders.visible-statuses'>,
  ): Promise<RpcResponse<'permissions.orders.visible-statuses'>> {
    return this.access.visibleStatuses(message.ctx.tenantId, message.data.personId);
  }

  @RpcHandler('permissions.status-access.person.get')
  person(
    @Payload() message: RpcMessage<'permissions.status-access.person.get'>,
  ): Promise<RpcResponse<'permissions.status-access.person.get'>> {
    return this.access.person(message.ctx.tenantId, message.data.personId);
  }

  @RpcHandler('permissions.status-access.person.put')
  putPerson(
    @Payload() message: RpcMessage<'permissions.status-access.person.put'>,
  ): Promise<RpcResponse<'permissions.status-access.person.put'>> {
    return this.access.putPerson(message.ctx.tenantId, message.data.personId, message.data.levels, message.data.mayChangeClosed);
  }

  @RpcHandler('permissions.status-access.group.get')
  group(
    @Payload() message: RpcMessage<'permissions.status-access.group.get'>,
  ): Promise<RpcResponse<'permissions.status-access.group.get'>> {
    return this.access.group(message.ctx.tenantId, message.data.groupId);
  }

  @RpcHandler('permissions.status-access.group.put')
  putGroup(
    @Payload() message: RpcMessage<'permissions.status-access.group.put'>,
  ): Promise<RpcResponse<'permissions.status-access.group.put'>> {
    return this.access.putGroup(message.ctx.tenantId, message.data.groupId, message.data.levels);
  }
}
