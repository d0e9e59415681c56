import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { ContactView } from '@warden/contracts';
import { ContactsService } from './contacts.service';
import { PortalAccessService } from './portal-access.service';

@Controller()
export class ContactsMessages {
  constructor(
    private readonly contacts: ContactsService,
    private readonly portalAccess: PortalAccessService,
  ) {}

  @RpcHandler('directory.contacts.list')
  list(@Payload() message: RpcMessage<'directory.contacts.list'>): Promise<Page<ContactView>> {
    return this.contacts.list(message.ctx.tenantId, message.data);
  }

  @RpcHandler('directory.contacts.get')
  get(@Payload() message: RpcMessage<'directory.contacts.get'>): Promise<ContactView> {
    return this.contacts.get(message.ctx.tenantId, message.data.contactId);
  }

  @RpcHandler('directory.contacts.create')
  create(@Payload() message: RpcMessage<'directory.contacts.create'>): Promise<ContactView> {
    return this.contacts.create(message.ctx, message.data);
  }

  @RpcHandler('directory.contacts.update')
  update(@Payload() message: RpcMessage<'directory.contacts.update'>): Promise<ContactView> {
    return this.contacts.update(message.ctx, message.data.contactId, message.data.changes);
  }

  @RpcHandler('directory.contacts.portal-access')
  grantPortalAccess(@Payload() message: RpcMessage<'directory.contacts.portal-access'>): Promise<ContactView> {
    return this.portalAccess.grant(message.ctx, message.data.contactId, message.data.password);
  }

  @RpcHandler('directory.contacts.portal-access.revoke')
  revokePortalAccess(@Payload() message: RpcMessage<'directory.contacts.portal-access.revoke'>): Promise<ContactView> {
    return this.portalAccess.revoke(message.ctx, message.data.contactId);
  }
}
