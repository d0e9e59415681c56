import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { decodeCursor, DomainError } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import type { WebhookDeliveryStatus, WebhookDeliveryView } from '@warden/contracts';
import { DeliveryRepository } from './delivery.repository';
import { EndpointRepository } from './endpoint.repository';
import { existingEndpoint } from './webhook-endpoint.record';

const DEFAULT_PAGE_SIZE = 50;

export class ListDeliveriesQuery extends Query<Page<WebhookDeliveryView>> {
  constructor(
    readonly tenantId: string,
    readonly endpointId: string,
    readonly query: { status?: WebhookDeliveryStatus; eventType?: string; cursor?: string; limit?: number },
  ) {
    super();
  }
}

/** An endpoint's delivery log, newest first. */
@QueryHandler(ListDeliveriesQuery)
export class ListDeliveriesHandler implements IQueryHandler<ListDeliveriesQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: EndpointRepository,
    private readonly deliveries: DeliveryRepository,
  ) {}

  async execute({ tenantId, endpointId, query }: ListDeliveriesQuery): Promise<Page<WebhookDeliveryView>> {
    const after = decodeCursor(query.cursor);
    if (after && !/^\d+$/.test(after.key))
      throw DomainError.invalid('PAGINATION.BAD_CURSOR', 'cursor', 'is not a cursor returned by this API');
    await existingEndpoint(this.endpoints, this.dataSource.manager, tenantId, endpointId);
    return this.deliveries.page(this.dataSource.manager, tenantId, endpointId, {
      status: query.status,
      eventType: query.eventType,
      after,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
    });
  }
}
