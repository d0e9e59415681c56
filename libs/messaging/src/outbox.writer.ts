import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { createCloudEvent, eventSubject } from '@warden/contracts';
import type { CloudEvent, OutgoingEvent } from '@warden/contracts';
import { MESSAGING_OPTIONS } from './messaging.options';
import type { MessagingOptions } from './messaging.options';
import { outboxChannel } from './messaging.tables';
import { currentTraceparent } from './trace-context';

/** Where a transaction remembers which relay channel to wake once it has committed. */
const PENDING_WAKE_UP = 'outboxWakeUp';

/**
 * Sends the relay's wake-up after the transaction that wrote outbox rows has committed, on a connection of its
 * own. NOTIFY inside the change's transaction would hold PostgreSQL's global notify lock through that commit
 * (and its WAL flush), so concurrent changes would commit one at a time (bench/outbox-write.bench.mjs measures
 * it). A lost wake-up only delays events until the relay's next poll.
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
    const channel = takePendingWakeUp(event.queryRunner);
    if (channel) wakeUp(event.connection, channel);
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    if (!event.queryRunner.isTransactionActive) takePendingWakeUp(event.queryRunner);
  }
}

function takePendingWakeUp(queryRunner: QueryRunner): string | undefined {
  const channel = queryRunner.data?.[PENDING_WAKE_UP] as string | undefined;
  if (channel) delete queryRunner.data[PENDING_WAKE_UP];
  return channel;
}

/** Per data source and channel: a wake-up on its way, and whether another commit happened since it left. */
const wakeUps = new WeakMap<DataSource, Map<string, 'sending' | 'again'>>();

/**
 * Coalesced wake-ups: at most one NOTIFY per channel on its way; commits while it is sent ask for one more, sent
 * when it is done. Every commit is still followed by a NOTIFY that started after it, and a busy service sends one
 * per round trip instead of one per transaction (each is a round trip on another connection).
 */
function wakeUp(dataSource: DataSource, channel: string): void {
  let channels = wakeUps.get(dataSource);
  if (!channels) wakeUps.set(dataSource, (channels = new Map()));
  if (channels.has(channel)) {
    channels.set(channel, 'again');
    return;
  }
  const pending = channels;
  void (async () => {
    do {
      pending.set(channel, 'sending');
      await notify(dataSource, channel);
    } while (pending.get(channel) === 'again');
    pending.delete(channel);
  })();
}

async function notify(dataSource: DataSource | EntityManager, channel: string): Promise<void> {
  await dataSource.query('SELECT pg_notify($1, $2)', [channel, '']).catch(() => undefined);
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
    const channel = outboxChannel(this.options.service);
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) {
      WakeUpAfterCommit.ensureOn(manager.connection);
      runner.data = { ...runner.data, [PENDING_WAKE_UP]: channel };
    } else {
      await notify(manager, channel); // written outside a transaction: already committed
    }
    return envelopes;
  }
}
