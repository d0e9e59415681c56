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
    // One round trip for any number of events: the rows and the wake-up in one statement. The notification is
    // delivered by Postgres only when the transaction commits, so the relay wakes for committed rows only.
    await manager.query(
      `WITH added AS (
         INSERT INTO outbox (id, subject, type, tenant_id, event)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::jsonb[])
         RETURNING 1)
       SELECT pg_notify($6, '') FROM (SELECT count(*) FROM added) AS rows`,
      [
        envelopes.map((envelope) => envelope.id),
        envelopes.map((envelope) => eventSubject(envelope.type)),
        envelopes.map((envelope) => envelope.type),
        envelopes.map((envelope) => envelope.tenantid),
        envelopes.map((envelope) => JSON.stringify(envelope)),
        outboxChannel(this.options.service),
      ],
    );
    return envelopes;
  }
}
