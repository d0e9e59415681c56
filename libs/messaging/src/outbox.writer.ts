import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { createCloudEvent, eventSubject } from '@warden/contracts';
import type { CloudEvent, OutgoingEvent } from '@warden/contracts';
import { MESSAGING_OPTIONS } from './messaging.options';
import type { MessagingOptions } from './messaging.options';
import { outboxCommitted } from './outbox.commits';
import { currentTraceparent } from './trace-context';

/** Where a transaction remembers whose outbox it wrote, to tell that service's relay once it has committed. */
const PENDING_WAKE_UP = 'outboxWakeUp';

/**
 * Tells the relay after the transaction that wrote outbox rows has committed (libs/messaging/src/outbox.commits.ts);
 * before the commit the relay would not see the rows yet. A lost wake-up only delays events until the next poll.
 */
class WakeUpAfterCommit implements EntitySubscriberInterface {
  static readonly registered = new WeakSet<DataSource>();

  static ensureOn(dataSource: DataSource): void {
    if (WakeUpAfterCommit.registered.has(dataSource)) return;
    WakeUpAfterCommit.registered.add(dataSource);
    dataSource.subscribers.push(new WakeUpAfterCommit());
  }

  afterTransactionCommit(event: { queryRunner: QueryRunner; connection: DataSource }): void {
    // A released savepoint also reports a commit: wait for the outermost one.
    if (event.queryRunner.isTransactionActive) return;
    const service = takePendingWakeUp(event.queryRunner);
    if (service) outboxCommitted(event.connection, service);
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    if (!event.queryRunner.isTransactionActive) takePendingWakeUp(event.queryRunner);
  }
}

function takePendingWakeUp(queryRunner: QueryRunner): string | undefined {
  const service = queryRunner.data?.[PENDING_WAKE_UP] as string | undefined;
  if (service) delete queryRunner.data[PENDING_WAKE_UP];
  return service;
}

/**
 * Records events in the outbox through the caller's transaction, so an event exists exactly when the
 * state change it describes was committed. The relay publishes them afterwards.
 */
@Injectable()
export class OutboxWriter {
  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}

  /** Each event's payload is checked against its own contract class (one call may record events of several). */
  async add<const E extends readonly object[]>(
    manager: EntityManager,
    ...events: { [K in keyof E]: OutgoingEvent<E[K]> }
  ): Promise<CloudEvent<E[number]>[]> {
    if (events.length === 0) return [];
    // With tracing on, each event carries the CloudEvents `traceparent` extension: its consumers continue this trace.
    const traceparent = currentTraceparent();
    const envelopes = (events as readonly OutgoingEvent<E[number]>[]).map((event): CloudEvent<E[number]> => {
      const { contract, ...rest } = event;
      const envelope = createCloudEvent<E[number]>(this.options.service, { ...rest, type: contract.type });
      return traceparent ? { ...envelope, traceparent } : envelope;
    });
    // One round trip for any number of events.
    await manager.query(
      `INSERT INTO outbox (id, subject, type, tenant_id, event)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::jsonb[])`,
      [
        envelopes.map((envelope) => envelope.id),
        envelopes.map((envelope) => eventSubject(envelope.type)),
        envelopes.map((envelope) => envelope.type),
        envelopes.map((envelope) => envelope.tenantid),
        envelopes.map((envelope) => JSON.stringify(envelope)),
      ],
    );
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) {
      WakeUpAfterCommit.ensureOn(manager.connection);
      runner.data = { ...runner.data, [PENDING_WAKE_UP]: this.options.service };
    } else if (manager.connection) {
      outboxCommitted(manager.connection, this.options.service); // written outside a transaction: already committed
    }
    return envelopes;
  }
}
