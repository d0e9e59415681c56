import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { WebhookDeliveryView, WebhookEndpointView, WebhookEndpointWithSecretView, WebhookTestResultView } from '@warden/contracts';
import { CreateWebhookCommand } from './create-webhook.handler';
import { DeleteWebhookCommand } from './delete-webhook.handler';
import { GetWebhookQuery } from './get-webhook.handler';
import { ListDeliveriesQuery } from './list-deliveries.handler';
import { ListWebhooksQuery } from './list-webhooks.handler';
import { RedeliverCommand } from './redeliver.handler';
import { ReplayWebhookCommand } from './replay-webhook.handler';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.handler';
import { TestWebhookCommand } from './test-webhook.handler';
import { UpdateWebhookCommand } from './update-webhook.handler';

/** The webhook RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class WebhooksMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('integrations.webhooks.list')
  list(@Payload() message: RpcMessage<'integrations.webhooks.list'>): Promise<WebhookEndpointView[]> {
    return this.queries.execute(new ListWebhooksQuery(message.ctx.tenantId));
  }

  @RpcHandler('integrations.webhooks.get')
  get(@Payload() message: RpcMessage<'integrations.webhooks.get'>): Promise<WebhookEndpointView> {
    return this.queries.execute(new GetWebhookQuery(message.ctx.tenantId, message.data.endpointId));
  }

  @RpcHandler('integrations.webhooks.create')
  create(@Payload() message: RpcMessage<'integrations.webhooks.create'>): Promise<WebhookEndpointWithSecretView> {
    return this.commands.execute(new CreateWebhookCommand(message.ctx, message.data));
  }

  @RpcHandler('integrations.webhooks.update')
  update(@Payload() message: RpcMessage<'integrations.webhooks.update'>): Promise<WebhookEndpointView> {
    return this.commands.execute(new UpdateWebhookCommand(message.ctx, message.data.endpointId, message.data.changes));
  }

  @RpcHandler('integrations.webhooks.delete')
  delete(@Payload() message: RpcMessage<'integrations.webhooks.delete'>): Promise<{ deleted: true }> {
    return this.commands.execute(new DeleteWebhookCommand(message.ctx, message.data.endpointId));
  }

  @RpcHandler('integrations.webhooks.rotate-secret')
  rotateSecret(@Payload() message: RpcMessage<'integrations.webhooks.rotate-secret'>): Promise<WebhookEndpointWithSecretView> {
    return this.commands.execute(new RotateWebhookSecretCommand(message.ctx, message.data.endpointId));
  }

  @RpcHandler('integrations.webhooks.test')
  test(@Payload() message: RpcMessage<'integrations.webhooks.test'>): Promise<WebhookTestResultView> {
    return this.commands.execute(new TestWebhookCommand(message.ctx, message.data.endpointId));
  }

  @RpcHandler('integrations.deliveries.list')
  deliveries(@Payload() message: RpcMessage<'integrations.deliveries.list'>): Promise<Page<WebhookDeliveryView>> {
    const { endpointId, ...query } = message.data;
    return this.queries.execute(new ListDeliveriesQuery(message.ctx.tenantId, endpointId, query));
  }

  @RpcHandler('integrations.deliveries.redeliver')
  redeliver(@Payload() message: RpcMessage<'integrations.deliveries.redeliver'>): Promise<WebhookDeliveryView> {
    return this.commands.execute(new RedeliverCommand(message.ctx, message.data.endpointId, message.data.deliveryId));
  }

  @RpcHandler('integrations.webhooks.replay')
  replay(@Payload() message: RpcMessage<'integrations.webhooks.replay'>): Promise<{ replayed: number }> {
    return this.commands.execute(new ReplayWebhookCommand(message.ctx, message.data.endpointId, message.data.since));
  }
}
