import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ContactView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { ContactErrors } from './contact.errors';
import { recordPortalPerson } from './contact.record';
import { ContactRepository } from './contact.repository';
import { PortalLoginClient } from './portal-login.client';

export class RevokePortalAccessCommand extends Command<ContactView> {
  constructor(
    readonly ctx: RequestContext,
    readonly contactId: string,
  ) {
    super();
  }
}

/** Takes the contact's portal login away (identity first, portal-login.client.ts); a contact without one answers as it is. */
@CommandHandler(RevokePortalAccessCommand)
export class RevokePortalAccessHandler implements ICommandHandler<RevokePortalAccessCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactRepository,
    private readonly logins: PortalLoginClient,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, contactId }: RevokePortalAccessCommand): Promise<ContactView> {
    const contact = await this.contacts.find(this.dataSource.manager, ctx.tenantId, contactId);
    if (!contact) throw ContactErrors.notFound();
    await this.logins.revoke(ctx, contact.id);
    return recordPortalPerson(this.dataSource.manager, { contacts: this.contacts, events: this.events }, ctx.tenantId, contact.id, null);
  }
}
