import { Module } from '@nestjs/common';
import { INTEGRATIONS_ENV, loadIntegrationsEnv } from '../config/integrations.env';
import { AuditEntriesRepository } from './audit-entries.repository';
import { AuditIntakeConsumer } from './audit-intake.consumer';
import { ListAuditEntriesHandler } from './list-audit-entries.handler';
import { AuditMessages } from './audit.messages';
import { AuditRetentionTask } from './audit-retention.task';

/**
 * The audit log of the whole product. It lives here because this service already follows every service's events
 * from the stream (services/integrations/src/webhooks/event-intake.consumer.ts) and owns no administrative state of
 * its own that the log could be mistaken for; the services write entries through their outboxes (AuditRecorder).
 */
@Module({
  controllers: [AuditMessages],
  providers: [
    { provide: INTEGRATIONS_ENV, useFactory: loadIntegrationsEnv },
    AuditEntriesRepository,
    AuditIntakeConsumer,
    ListAuditEntriesHandler,
    AuditRetentionTask,
  ],
})
export class AuditModule {}
