import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '@warden/persistence';
import type { GrantContactAccessData, OutgoingEvent, PersonFields, PersonView, RequestContext } from '@warden/contracts';
import { contactPersonFields } from '../people/person.fields';
import { toStaffView } from '../people/person.mapper';
import { PasswordHasher } from '../people/password.hasher';
import { PersonRepository } from '../people/person.repository';
import { ContactAccessErrors } from './contact-access.errors';
import { contactAccessGranted } from './contact-access.events';
import { contactLoginColumns, writeContactLogin } from './contact-login.record';

const PRIMARY_KEY = 'persons_pkey';

export class GrantContactAccessCommand extends Command<PersonView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: GrantContactAccessData,
  ) {
    super();
  }
}

/**
 * A directory contact's portal login: a person of kind `contact` whose id IS the contact id, so the
 * contact is one id in every service. Idempotent on the contact id — a repeat updates the fields,
 * sets the new password and re-enables access — which is what lets the directory call this first and
 * simply retry when its own write fails afterwards.
 */
@CommandHandler(GrantContactAccessCommand)
export class GrantContactAccessHandler implements ICommandHandler<GrantContactAccessCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly hasher: PasswordHasher,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, data }: GrantContactAccessCommand): Promise<PersonView> {
    const { tenantId } = ctx;
    const contactId = data.contactId;
    const fields = contactPersonFields(data);
    const passwordHash = await this.hasher.hash(data.password);
    try {
      return await this.grant(tenantId, contactId, fields, passwordHash);
    } catch (error) {
      // Two first grants of one contact raced and this one lost the insert: the second try finds the row.
      if (isUniqueViolation(error, PRIMARY_KEY)) return this.grantAgain(tenantId, contactId, fields, passwordHash);
      throw error;
    }
  }

  private async grantAgain(tenantId: string, contactId: string, fields: Required<PersonFields>, passwordHash: string): Promise<PersonView> {
    try {
      return await this.grant(tenantId, contactId, fields, passwordHash);
    } catch (error) {
      // Still there but not found in this tenant: the id belongs to another tenant's person.
      if (isUniqueViolation(error, PRIMARY_KEY)) throw ContactAccessErrors.notAContact();
      throw error;
    }
  }

  private grant(tenantId: string, contactId: string, fields: Required<PersonFields>, passwordHash: string): Promise<PersonView> {
    return writeContactLogin(this.dataSource.manager, fields.email, async (manager) => {
      const current = await this.people.findById(manager, tenantId, contactId, { lock: true });
      if (current && (current.kind !== 'contact' || current.deleted_at)) throw ContactAccessErrors.notAContact();
      const row = current
        ? await this.people.update(manager, tenantId, contactId, {
            ...contactLoginColumns(fields),
            password_hash: passwordHash,
            access_enabled: true,
          })
        : await this.people.insert(manager, { id: contactId, tenantId, kind: 'contact', ...fields, passwordHash });
      await this.events.publish(contactAccessGranted(row), manager);
      return toStaffView(row);
    });
  }
}
