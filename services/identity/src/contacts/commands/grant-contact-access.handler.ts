import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@warden/kernel';
import { OutboxWriter } from '@warden/messaging';
import { isUniqueViolation } from '@warden/persistence';
import type { GrantContactAccessData, PersonFields, PersonView } from '@warden/contracts';
import { contactPersonFields } from '../../people/person.fields';
import { toStaffView } from '../../people/person.mapper';
import { PasswordHasher } from '../../people/password.hasher';
import { PersonRepository } from '../../people/person.repository';
import { ContactAccessErrors } from '../contact-access.errors';
import { contactAccessGranted } from '../contact-access.events';

const PRIMARY_KEY = 'persons_pkey';

/**
 * A directory contact's portal login: a person of kind `contact` whose id IS the contact id, so the
 * contact is one id in every service. Idempotent on the contact id — a repeat updates the fields,
 * sets the new password and re-enables access — which is what lets the directory call this first and
 * simply retry when its own write fails afterwards.
 */
@Injectable()
export class GrantContactAccessHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly hasher: PasswordHasher,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(tenantId: string, data: GrantContactAccessData): Promise<PersonView> {
    const contactId = data.contactId;
    const fields = contactPersonFields(data);
    const passwordHash = await this.hasher.hash(data.password);
    try {
      return await this.grant(tenantId, contactId, fields, passwordHash);
    } catch (error) {
      // Two first grants of one contact raced and this one lost the insert: the second try finds the row.
      if (isUniqueViolation(error, PRIMARY_KEY)) return this.grantAgain(tenantId, contactId, fields, passwordHash);
      throw this.explained(error, fields.email);
    }
  }

  private async grantAgain(tenantId: string, contactId: string, fields: Required<PersonFields>, passwordHash: string): Promise<PersonView> {
    try {
      return await this.grant(tenantId, contactId, fields, passwordHash);
    } catch (error) {
      // Still there but not found in this tenant: the id belongs to another tenant's person.
      if (isUniqueViolation(error, PRIMARY_KEY)) throw ContactAccessErrors.notAContact();
      throw this.explained(error, fields.email);
    }
  }

  private grant(tenantId: string, contactId: string, fields: Required<PersonFields>, passwordHash: string): Promise<PersonView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.people.findById(manager, tenantId, contactId, { lock: true });
      if (current && (current.kind !== 'contact' || current.deleted_at)) throw ContactAccessErrors.notAContact();
      const row = current
        ? await this.people.update(manager, tenantId, contactId, {
            last_name: fields.lastName,
            first_name: fields.firstName,
            middle_name: fields.middleName,
            phone: fields.phone,
            email: fields.email,
            password_hash: passwordHash,
            access_enabled: true,
          })
        : await this.people.insert(manager, { id: contactId, tenantId, kind: 'contact', ...fields, passwordHash });
      await this.outbox.add(manager, contactAccessGranted(row));
      return toStaffView(row);
    });
  }

  /** The repository speaks of staff; the caller here is granting a contact's login. */
  private explained(error: unknown, email: string): unknown {
    return error instanceof DomainError && error.code === 'STAFF.EMAIL_TAKEN' ? ContactAccessErrors.emailTaken(email) : error;
  }
}
