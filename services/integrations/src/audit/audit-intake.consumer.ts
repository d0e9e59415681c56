import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { AUDIT_EVENT_CONTRACTS } from '@warden/contracts';
import { EventSubscriber } from '@warden/messaging';
import { AuditEntriesRepository } from './audit-entries.repository';

/**
 * Keeps every service's `<service>.audit.recorded.v1` events (libs/contracts/src/events/audit.events.ts) in the audit
 * log. The durable inbox consumers (libs/messaging/src/event.subscriber.ts) read the stream from its start and
 * validate each entry against its contract; the inbox and the event-id key make a redelivery change nothing.
 */
@Injectable()
export class AuditIntakeConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly entries: AuditEntriesRepository,
  ) {}

  onModuleInit(): void {
    for (const contract of AUDIT_EVENT_CONTRACTS) {
      this.events.on(contract, (event, manager) => this.entries.append(manager, event));
    }
  }
}
