import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { PersonStatusAccessView } from '@warden/contracts';
import { personStatusAccess } from './status-access.record';
import { StatusAccessRepository } from './status-access.repository';

export class GetPersonStatusAccessQuery extends Query<PersonStatusAccessView> {
  constructor(
    readonly tenantId: string,
    readonly personId: string,
  ) {
    super();
  }
}

@QueryHandler(GetPersonStatusAccessQuery)
export class GetPersonStatusAccessHandler implements IQueryHandler<GetPersonStatusAccessQuery> {
  constructor(private readonly repository: StatusAccessRepository) {}

  execute({ tenantId, personId }: GetPersonStatusAccessQuery): Promise<PersonStatusAccessView> {
    return personStatusAccess(this.repository, tenantId, personId);
  }
}
