import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ChannelView } from '@warden/contracts';
import { ChannelErrors } from './channel.errors';
import { ChannelRepository } from './channel.repository';

export class GetChannelQuery extends Query<ChannelView> {
  constructor(
    readonly tenantId: string,
    readonly channelId: string,
  ) {
    super();
  }
}

@QueryHandler(GetChannelQuery)
export class GetChannelHandler implements IQueryHandler<GetChannelQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: ChannelRepository,
  ) {}

  async execute({ tenantId, channelId }: GetChannelQuery): Promise<ChannelView> {
    const channel = await this.channels.find(this.dataSource.manager, tenantId, channelId);
    if (!channel) throw ChannelErrors.notFound();
    return channel;
  }
}
