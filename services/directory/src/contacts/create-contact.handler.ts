import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ContactFields, ContactView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { newId } from '@warden/kernel';
import { ContactReferencesCheck } from './contact-references.check';
import { contactCreated } from './contact.events';
import { contactRecord, writeContact } from './contact.record';
import { ContactRepository } from './contact.repository';

export class CreateContactCommand extends Command<ContactView> {
  constructor(
    readonly ctx: RequestContext,
    readonly fields: ContactFields,
  ) {
    super();
  }
}

@CommandHandler(CreateContactCommand)
export class CreateContactHandler implements ICommandHandler<CreateContactCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactRepository,
    private readonly references: ContactReferencesCheck,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, fields }: CreateContactCommand): Promise<ContactView> {
    const record = contactRecord(newId(), fields, null);
    await this.references.require(ctx, record);
    return writeContact(this.dataSource.manager, async (manager) => {
      const contact = await this.contacts.insert(manager, ctx.tenantId, record);
      await this.events.publish(contactCreated(ctx.tenantId, contact), manager);
      return contact;
    });
  }
}
