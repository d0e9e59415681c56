import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { ContactView } from '@warden/contracts';
import { CreateContactCommand } from './create-contact.handler';
import { GetContactQuery } from './get-contact.handler';
import { GrantPortalAccessCommand } from './grant-portal-access.handler';
import { ListContactsQuery } from './list-contacts.handler';
import { RevokePortalAccessCommand } from './revoke-portal-access.handler';
import { UpdateContactCommand } from './update-contact.handler';

/** The contact RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class ContactsMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('directory.contacts.list')
  list(@Payload() message: RpcMessage<'directory.contacts.list'>): Promise<Page<ContactView>> {
    return this.queries.execute(new ListContactsQuery(message.ctx.tenantId, message.data));
  }

  @RpcHandler('directory.contacts.get')
  get(@Payload() message: RpcMessage<'directory.contacts.get'>): Promise<ContactView> {
    return this.queries.execute(new GetContactQuery(message.ctx.tenantId, message.data.contactId));
  }

  @RpcHandler('directory.contacts.create')
  create(@Payload() message: RpcMessage<'directory.contacts.create'>): Promise<ContactView> {
    return this.commands.execute(new CreateContactCommand(message.ctx, message.data));
  }

  @RpcHandler('directory.contacts.update')
  update(@Payload() message: RpcMessage<'directory.contacts.update'>): Promise<ContactView> {
    return this.commands.execute(new UpdateContactCommand(message.ctx, message.data.contactId, message.data.changes));
  }

  @RpcHandler('directory.contacts.portal-access')
  grantPortalAccess(@Payload() message: RpcMessage<'directory.contacts.portal-access'>): Promise<ContactView> {
    return this.commands.execute(new GrantPortalAccessCommand(message.ctx, message.data.contactId, message.data.password));
  }

  @RpcHandler('directory.contacts.portal-access.revoke')
  revokePortalAccess(@Payload() message: RpcMessage<'directory.contacts.portal-access.revoke'>): Promise<ContactView> {
    return this.commands.execute(new RevokePortalAccessCommand(message.ctx, message.data.contactId));
  }
}
