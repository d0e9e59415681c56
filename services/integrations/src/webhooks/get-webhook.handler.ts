import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { WebhookEndpointView } from '@warden/contracts';
import { EndpointRepository, toEndpointView } from './endpoint.repository';
import { existingEndpoint } from './webhook-endpoint.record';

export class GetWebhookQuery extends Query<WebhookEndpointView> {
  constructor(
    readonly tenantId: string,
    readonly endpointId: string,
  ) {
    super();
  }
}

@QueryHandler(GetWebhookQuery)
export class GetWebhookHandler implements IQueryHandler<GetWebhookQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: EndpointRepository,
  ) {}

  async execute({ tenantId, endpointId }: GetWebhookQuery): Promise<WebhookEndpointView> {
    return toEndpointView(await existingEndpoint(this.endpoints, this.dataSource.manager, tenantId, endpointId));
  }
}
