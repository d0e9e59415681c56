import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus } from '@nestjs/cqrs';
import type { PersonView } from '@warden/contracts';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { GrantContactAccessCommand } from './grant-contact-access.handler';
import { RevokeContactAccessCommand } from './revoke-contact-access.handler';
import { UpdateContactLoginCommand } from './update-contact-login.handler';

/**
 * Portal logins of directory contacts; the directory service is the caller. Each message becomes one command
 * for its handler (`*.handler.ts` beside this file).
 */
@Controller()
export class ContactsMessages {
  constructor(private readonly commands: CommandBus) {}

  @RpcHandler('identity.contacts.grant-access')
  grant(@Payload() message: RpcMessage<'identity.contacts.grant-access'>): Promise<PersonView> {
    return this.commands.execute(new GrantContactAccessCommand(message.ctx, message.data));
  }

  @RpcHandler('identity.contacts.update-login')
  update(@Payload() message: RpcMessage<'identity.contacts.update-login'>): Promise<PersonView> {
    return this.commands.execute(new UpdateContactLoginCommand(message.ctx, message.data));
  }

  @RpcHandler('identity.contacts.revoke-access')
  revoke(@Payload() message: RpcMessage<'identity.contacts.revoke-access'>): Promise<PersonView> {
    return this.commands.execute(new RevokeContactAccessCommand(message.ctx, message.data.contactId));
  }
}
