import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { WebhookEndpointView } from '@warden/contracts';
import { EndpointRepository, toEndpointView } from './endpoint.repository';

export class ListWebhooksQuery extends Query<WebhookEndpointView[]> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: EndpointRepository,
  ) {}

  async execute({ tenantId }: ListWebhooksQuery): Promise<WebhookEndpointView[]> {
    return (await this.endpoints.list(this.dataSource.manager, tenantId)).map(toEndpointView);
  }
}
