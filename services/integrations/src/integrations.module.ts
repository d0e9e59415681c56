import { Module } from '@nestjs/common';
import { NotificationsModule } from './notifications/notifications.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Webhook endpoints of each tenant and the signed, retried delivery of its events to them; email notifications. */
@Module({ imports: [WebhooksModule, NotificationsModule] })
export class IntegrationsModule {}
