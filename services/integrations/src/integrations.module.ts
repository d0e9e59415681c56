import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Webhook endpoints of each tenant and the signed, retried delivery of its events to them; the audit log of every service. */
@Module({ imports: [WebhooksModule, AuditModule] })
export class IntegrationsModule {}
