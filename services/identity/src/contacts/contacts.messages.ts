import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { PersonView } from '@warden/contracts';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { GrantContactAccessHandler } from './commands/grant-contact-access.handler';
import { RevokeContactAccessHandler } from './commands/revoke-contact-access.handler';
import { UpdateContactLoginHandler } from './commands/update-contact-login.handler';

/** Portal logins of directory contacts; the directory service is the caller. */
@Controller()
export class ContactsMessages {
  constructor(
    private readonly grantAccess: GrantContactAccessHandler,
    private readonly revokeAccess: RevokeContactAccessHandler,
    private readonly updateLogin: UpdateContactLoginHandler,
  ) {}

  @RpcHandler('identity.contacts.grant-access')
  grant(@Payload() message: RpcMessage<'identity.contacts.grant-access'>): Promise<PersonView> {
    return this.grantAccess.execute(message.ctx.tenantId, message.data);
  }

  @RpcHandler('identity.contacts.update-login')
  update(@Payload() message: RpcMessage<'identity.contacts.update-login'>): Promise<PersonView> {
    return this.updateLogin.execute(message.ctx.tenantId, message.data);
  }

  @RpcHandler('identity.contacts.revoke-access')
  revoke(@Payload() message: RpcMessage<'identity.contacts.revoke-access'>): Promise<PersonView> {
    return this.revokeAccess.execute(message.ctx.tenantId, message.data.contactId);
  }
}
