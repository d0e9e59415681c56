import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ChannelView } from '@warden/contracts';
import { ChannelRepository } from './channel.repository';

/** Every channel of the tenant, or those of one department. */
export class ListChannelsQuery extends Query<ChannelView[]> {
  constructor(
    readonly tenantId: string,
    readonly departmentId?: string,
  ) {
    super();
  }
}

@QueryHandler(ListChannelsQuery)
export class ListChannelsHandler implements IQueryHandler<ListChannelsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: ChannelRepository,
  ) {}

  execute({ tenantId, departmentId }: ListChannelsQuery): Promise<ChannelView[]> {
    return this.channels.list(this.dataSource.manager, tenantId, departmentId);
  }
}
