import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@warden/kernel';
import type { PersonView, UpdateContactLoginData } from '@warden/contracts';
import { contactPersonFields } from '../../people/person.fields';
import { toStaffView } from '../../people/person.mapper';
import { PersonRepository } from '../../people/person.repository';
import { ContactAccessErrors } from '../contact-access.errors';

/**
 * Keeps a contact's portal login in step with the directory: the directory calls this before it writes a
 * changed email, name or phone, so a client signs in with the email its contact card shows. An email another
 * person of the tenant signs in with is refused (409) and the directory then writes nothing.
 */
@Injectable()
export class UpdateContactLoginHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
  ) {}

  async execute(tenantId: string, data: UpdateContactLoginData): Promise<PersonView> {
    const fields = contactPersonFields(data);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const current = await this.people.findById(manager, tenantId, data.contactId, { kind: 'contact', lock: true });
        if (!current || current.deleted_at) throw ContactAccessErrors.notFound();
        const row = await this.people.update(manager, tenantId, current.id, {
          last_name: fields.lastName,
          first_name: fields.firstName,
          middle_name: fields.middleName,
          phone: fields.phone,
          email: fields.email,
        });
        return toStaffView(row);
      });
    } catch (error) {
      throw error instanceof DomainError && error.code === 'STAFF.EMAIL_TAKEN' ? ContactAccessErrors.emailTaken(fields.email) : error;
    }
  }
}
