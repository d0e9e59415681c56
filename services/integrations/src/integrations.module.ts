import { Module } from '@nestjs/common';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Webhook endpoints of each tenant and the signed, retried delivery of its events to them. */
@Module({ imports: [WebhooksModule] })
export class IntegrationsModule {}
