import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { StaffView } from '@warden/contracts';
import { StaffErrors } from '../people/person.errors';
import { toStaffView } from '../people/person.mapper';
import { PersonRepository } from '../people/person.repository';

export class GetStaffQuery extends Query<StaffView> {
  constructor(
    readonly tenantId: string,
    readonly personId: string,
  ) {
    super();
  }
}

/** One employee, deleted ones included; a contact's id is not found here (identity.people.get reads any kind). */
@QueryHandler(GetStaffQuery)
export class GetStaffHandler implements IQueryHandler<GetStaffQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
  ) {}

  async execute({ tenantId, personId }: GetStaffQuery): Promise<StaffView> {
    const row = await this.people.findById(this.dataSource.manager, tenantId, personId, { kind: 'employee' });
    if (!row) throw StaffErrors.notFound();
    return toStaffView(row);
  }
}
