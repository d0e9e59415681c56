import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ContactView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { ContactErrors } from './contact.errors';
import { recordPortalPerson } from './contact.record';
import { ContactRepository } from './contact.repository';
import { PortalLoginClient } from './portal-login.client';

export class GrantPortalAccessCommand extends Command<ContactView> {
  constructor(
    readonly ctx: RequestContext,
    readonly contactId: string,
    readonly password: string,
  ) {
    super();
  }
}

/** Gives the contact a client-portal login with this password (identity first, portal-login.client.ts); repeating it sets a new password. */
@CommandHandler(GrantPortalAccessCommand)
export class GrantPortalAccessHandler implements ICommandHandler<GrantPortalAccessCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactRepository,
    private readonly logins: PortalLoginClient,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, contactId, password }: GrantPortalAccessCommand): Promise<ContactView> {
    const contact = await this.contacts.find(this.dataSource.manager, ctx.tenantId, contactId);
    if (!contact) throw ContactErrors.notFound();
    if (contact.emailIsPlaceholder) throw ContactErrors.placeholderEmail();
    if (contact.status === 'blocked') throw ContactErrors.blocked();
    await this.logins.grant(ctx, contact, password);
    return recordPortalPerson(
      this.dataSource.manager,
      { contacts: this.contacts, events: this.events },
      ctx.tenantId,
      contact.id,
      contact.id,
    );
  }
}
