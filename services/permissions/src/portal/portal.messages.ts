import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { GrantPortalCommand } from './grant-portal.handler';
import type { PortalMembership } from './portal-membership.record';
import { RevokePortalCommand } from './revoke-portal.handler';

@Controller()
export class PortalMessages {
  constructor(private readonly commands: CommandBus) {}

  @RpcHandler('permissions.contacts.grant-portal')
  grant(@Payload() message: RpcMessage<'permissions.contacts.grant-portal'>): Promise<PortalMembership> {
    return this.commands.execute(new GrantPortalCommand(message.ctx, message.data.personId, message.data.company));
  }

  @RpcHandler('permissions.contacts.revoke-portal')
  revoke(@Payload() message: RpcMessage<'permissions.contacts.revoke-portal'>): Promise<PortalMembership> {
    return this.commands.execute(new RevokePortalCommand(message.ctx, message.data.personId));
  }
}
