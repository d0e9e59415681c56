import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { chatKinds } from '@warden/contracts';
import type { ChatKindsView } from '@warden/contracts';
import { RoutingRepository } from '../routing/routing.repository';

/** Which kinds of chat the tenant's switches let people start (chatKinds in libs/contracts). */
export class GetChatKindsQuery extends Query<ChatKindsView> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@QueryHandler(GetChatKindsQuery)
export class GetChatKindsHandler implements IQueryHandler<GetChatKindsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: RoutingRepository,
  ) {}

  async execute({ tenantId }: GetChatKindsQuery): Promise<ChatKindsView> {
    return chatKinds(await this.settings.settings(this.dataSource.manager, tenantId));
  }
}
