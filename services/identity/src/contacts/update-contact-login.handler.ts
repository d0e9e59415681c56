import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { PersonView, RequestContext, UpdateContactLoginData } from '@warden/contracts';
import { contactPersonFields } from '../people/person.fields';
import { toStaffView } from '../people/person.mapper';
import { PersonRepository } from '../people/person.repository';
import { ContactAccessErrors } from './contact-access.errors';
import { contactLoginColumns, writeContactLogin } from './contact-login.record';

export class UpdateContactLoginCommand extends Command<PersonView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: UpdateContactLoginData,
  ) {
    super();
  }
}

/**
 * Keeps a contact's portal login in step with the directory: the directory calls this before it writes a
 * changed email, name or phone, so a client signs in with the email its contact card shows. An email another
 * person of the tenant signs in with is refused (409) and the directory then writes nothing.
 */
@CommandHandler(UpdateContactLoginCommand)
export class UpdateContactLoginHandler implements ICommandHandler<UpdateContactLoginCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
  ) {}

  async execute({ ctx, data }: UpdateContactLoginCommand): Promise<PersonView> {
    const { tenantId } = ctx;
    const fields = contactPersonFields(data);
    return writeContactLogin(this.dataSource.manager, fields.email, async (manager) => {
      const current = await this.people.findById(manager, tenantId, data.contactId, { kind: 'contact', lock: true });
      if (!current || current.deleted_at) throw ContactAccessErrors.notFound();
      const row = await this.people.update(manager, tenantId, current.id, contactLoginColumns(fields));
      return toStaffView(row);
    });
  }
}
