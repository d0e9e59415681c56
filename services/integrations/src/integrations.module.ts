import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { NotificationsModule } from './notifications/notifications.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Webhook endpoints of each tenant and the signed, retried delivery of its events to them; email notifications; the audit log of every service. */
@Module({ imports: [WebhooksModule, NotificationsModule, AuditModule] })
export class IntegrationsModule {}
