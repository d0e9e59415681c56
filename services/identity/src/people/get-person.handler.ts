import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { PersonView } from '@warden/contracts';
import { PersonErrors } from './person.errors';
import { toStaffView } from './person.mapper';
import { PersonRepository } from './person.repository';

export class GetPersonQuery extends Query<PersonView> {
  constructor(
    readonly tenantId: string,
    readonly personId: string,
  ) {
    super();
  }
}

/** Any person of the tenant, whatever its kind (the signed-in person's own card: employee or contact). */
@QueryHandler(GetPersonQuery)
export class GetPersonHandler implements IQueryHandler<GetPersonQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
  ) {}

  async execute({ tenantId, personId }: GetPersonQuery): Promise<PersonView> {
    const row = await this.people.findById(this.dataSource.manager, tenantId, personId);
    if (!row) throw PersonErrors.notFound();
    return toStaffView(row);
  }
}
