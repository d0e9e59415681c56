import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { WebhookDeliveryView, WebhookEndpointView, WebhookEndpointWithSecretView, WebhookTestResultView } from '@warden/contracts';
import { WebhooksService } from './webhooks.service';

@Controller()
export class WebhooksMessages {
  constructor(private readonly webhooks: WebhooksService) {}

  @RpcHandler('integrations.webhooks.list')
  list(@Payload() message: RpcMessage<'integrations.webhooks.list'>): Promise<WebhookEndpointView[]> {
    return this.webhooks.list(message.ctx.tenantId);
  }

  @RpcHandler('integrations.webhooks.get')
  get(@Payload() message: RpcMessage<'integrations.webhooks.get'>): Promise<WebhookEndpointView> {
    return this.webhooks.get(message.ctx.tenantId, message.data.endpointId);
  }

  @RpcHandler('integrations.webhooks.create')
  create(@Payload() message: RpcMessage<'integrations.webhooks.create'>): Promise<WebhookEndpointWithSecretView> {
    return this.webhooks.create(message.ctx.tenantId, message.data);
  }

  @RpcHandler('integrations.webhooks.update')
  update(@Payload() message: RpcMessage<'integrations.webhooks.update'>): Promise<WebhookEndpointView> {
    return this.webhooks.update(message.ctx.tenantId, message.data.endpointId, message.data.changes);
  }

  @RpcHandler('integrations.webhooks.delete')
  delete(@Payload() message: RpcMessage<'integrations.webhooks.delete'>): Promise<{ deleted: true }> {
    return this.webhooks.delete(message.ctx.tenantId, message.data.endpointId);
  }

  @RpcHandler('integrations.webhooks.rotate-secret')
  rotateSecret(@Payload() message: RpcMessage<'integrations.webhooks.rotate-secret'>): Promise<WebhookEndpointWithSecretView> {
    return this.webhooks.rotateSecret(message.ctx.tenantId, message.data.endpointId);
  }

  @RpcHandler('integrations.webhooks.test')
  test(@Payload() message: RpcMessage<'integrations.webhooks.test'>): Promise<WebhookTestResultView> {
    return this.webhooks.test(message.ctx.tenantId, message.data.endpointId);
  }

  @RpcHandler('integrations.deliveries.list')
  deliveries(@Payload() message: RpcMessage<'integrations.deliveries.list'>): Promise<Page<WebhookDeliveryView>> {
    const { endpointId, ...query } = message.data;
    return this.webhooks.listDeliveries(message.ctx.tenantId, endpointId, query);
  }

  @RpcHandler('integrations.deliveries.redeliver')
  redeliver(@Payload() message: RpcMessage<'integrations.deliveries.redeliver'>): Promise<WebhookDeliveryView> {
    return this.webhooks.redeliver(message.ctx.tenantId, message.data.endpointId, message.data.deliveryId);
  }

  @RpcHandler('integrations.webhooks.replay')
  replay(@Payload() message: RpcMessage<'integrations.webhooks.replay'>): Promise<{ replayed: number }> {
    return this.webhooks.replay(message.ctx.tenantId, message.data.endpointId, message.data.since);
  }
}
