import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ChatSettingsView } from '@warden/contracts';
import { RoutingRepository } from '../routing/routing.repository';

export class GetChatSettingsQuery extends Query<ChatSettingsView> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@QueryHandler(GetChatSettingsQuery)
export class GetChatSettingsHandler implements IQueryHandler<GetChatSettingsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: RoutingRepository,
  ) {}

  execute({ tenantId }: GetChatSettingsQuery): Promise<ChatSettingsView> {
    return this.settings.settings(this.dataSource.manager, tenantId);
  }
}
