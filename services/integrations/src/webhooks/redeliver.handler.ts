import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { RequestContext, WebhookDeliveryView } from '@warden/contracts';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { DeliveryRepository } from './delivery.repository';
import { EndpointRepository } from './endpoint.repository';
import { existingEndpoint } from './webhook-endpoint.record';
import { WebhookErrors } from './webhook.errors';

export class RedeliverCommand extends Command<WebhookDeliveryView> {
  constructor(
    readonly ctx: RequestContext,
    readonly endpointId: string,
    readonly deliveryId: string,
  ) {
    super();
  }
}

/** Queues one delivery of the endpoint again, at once, and wakes the dispatcher. */
@CommandHandler(RedeliverCommand)
export class RedeliverHandler implements ICommandHandler<RedeliverCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: EndpointRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  async execute({ ctx, endpointId, deliveryId }: RedeliverCommand): Promise<WebhookDeliveryView> {
    await existingEndpoint(this.endpoints, this.dataSource.manager, ctx.tenantId, endpointId);
    const delivery = await this.deliveries.requeue(this.dataSource.manager, ctx.tenantId, endpointId, deliveryId);
    if (!delivery) throw WebhookErrors.deliveryNotFound();
    this.dispatcher.wake();
    return delivery;
  }
}
