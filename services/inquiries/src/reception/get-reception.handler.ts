import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ReceptionView } from '@warden/contracts';
import { receptionOf, toReceptionView } from './reception.record';

export class GetReceptionQuery extends Query<ReceptionView> {
  constructor(
    readonly tenantId: string,
    readonly personId: string,
  ) {
    super();
  }
}

@QueryHandler(GetReceptionQuery)
export class GetReceptionHandler implements IQueryHandler<GetReceptionQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ tenantId, personId }: GetReceptionQuery): Promise<ReceptionView> {
    return toReceptionView(await receptionOf(this.dataSource.manager, tenantId, personId));
  }
}
