import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { PortalMembersService } from './portal-members.service';
import type { PortalMembership } from './portal-members.service';

@Controller()
export class PortalMessages {
  constructor(private readonly portal: PortalMembersService) {}

  @RpcHandler('permissions.contacts.grant-portal')
  grant(@Payload() message: RpcMessage<'permissions.contacts.grant-portal'>): Promise<PortalMembership> {
    return this.portal.grantNow(message.ctx.tenantId, message.data.personId, message.data.company);
  }

  @RpcHandler('permissions.contacts.revoke-portal')
  revoke(@Payload() message: RpcMessage<'permissions.contacts.revoke-portal'>): Promise<PortalMembership> {
    return this.portal.revokeNow(message.ctx.tenantId, message.data.personId);
  }
}
