import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { createCloudEvent, eventSubject } from '@warden/contracts';
import type { CloudEvent, NewEvent } from '@warden/contracts';
import { MESSAGING_OPTIONS } from './messaging.options';
import type { MessagingOptions } from './messaging.options';
import { outboxChannel } from './messaging.tables';

/**
 * Records events in the outbox through the caller's transaction, so an event exists exactly when the
 * state change it describes was committed. The relay publishes them afterwards.
 */
@Injectable()
export class OutboxWriter {
  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  async add<T>(manager: EntityManager, ...events: NewEvent<T>[]): Promise<CloudEvent<T>[]> {
    if (events.length === 0) return [];
    const envelopes = events.map((event) => createCloudEvent(this.options.service, event));
    for (const envelope of envelopes) {
      await manager.query('INSERT INTO outbox (id, subject, type, tenant_id, event) VALUES ($1, $2, $3, $4, $5)', [
        envelope.id,
        eventSubject(envelope.type),
        envelope.type,
        envelope.tenantid,
        JSON.stringify(envelope),
      ]);
    }
    // Delivered by Postgres only when the transaction commits: the relay wakes for committed rows only.
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(this.options.service), '']);
    return envelopes;
  }
}
