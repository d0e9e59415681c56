import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ContactView } from '@warden/contracts';
import { ContactErrors } from './contact.errors';
import { ContactRepository } from './contact.repository';

export class GetContactQuery extends Query<ContactView> {
  constructor(
    readonly tenantId: string,
    readonly contactId: string,
  ) {
    super();
  }
}

@QueryHandler(GetContactQuery)
export class GetContactHandler implements IQueryHandler<GetContactQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contacts: ContactRepository,
  ) {}

  async execute({ tenantId, contactId }: GetContactQuery): Promise<ContactView> {
    const contact = await this.contacts.find(this.dataSource.manager, tenantId, contactId);
    if (!contact) throw ContactErrors.notFound();
    return contact;
  }
}
