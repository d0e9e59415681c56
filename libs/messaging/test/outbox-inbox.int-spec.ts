import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule, EventBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { IsInt } from 'class-validator';
import { createCloudEvent, eventSubject } from '@warden/contracts';
import type { OutgoingEvent } from '@warden/contracts';
import { newId } from '@warden/kernel';
import { connectToTestNats, eventually, LIBRARY_TEST_EVENT_TYPES, readEvents, testEnv } from '@warden/testing';
import {
  createMessagingTables,
  dropMessagingTables,
  ensureEventStream,
  EventSubscriber,
  OutboxEventPublisher,
  OutboxRelay,
  OutboxWriter,
} from '../src';
import type { MessagingOptions } from '../src';

const SERVICE = 'messaging_test';

class CounterBumpedV1 {
  static readonly type = LIBRARY_TEST_EVENT_TYPES[0];
  @IsInt() by!: number;
}

class CreateTestTables1700000000000 implements MigrationInterface {
  name = 'CreateTestTables1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTables(queryRunner, SERVICE);
    await queryRunner.query(`CREATE TABLE "${SERVICE}"."counter" (id int PRIMARY KEY, value int NOT NULL)`);
    await queryRunner.query(`INSERT INTO "${SERVICE}"."counter" VALUES (1, 0)`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, SERVICE);
  }
}

describe('outbox and inbox against real Postgres and JetStream', () => {
  let dataSource: DataSource;
  let nats: NatsConnection;
  let options: MessagingOptions;
  const tenantId = newId();

  beforeAll(async () => {
    const env = testEnv();
    options = { service: SERVICE, natsUrl: env.natsUrl, outboxPollIntervalMs: 200 };
    // A schema of its own, as a service would have (built here without @warden/persistence, which depends on this lib).
    dataSource = new DataSource({
      type: 'postgres',
      url: env.databaseUrl,
      schema: SERVICE,
      migrations: [CreateTestTables1700000000000],
      extra: { options: `-c search_path="${SERVICE}"` },
    });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${SERVICE}"`);
    await dataSource.runMigrations();
    // Its events are identity's (see CounterBumpedV1), so it publishes them as identity.
    nats = await connectToTestNats('identity');
    await ensureEventStream(nats);
  });

  afterAll(async () => {
    await dataSource?.query(`DROP SCHEMA IF EXISTS "${SERVICE}" CASCADE`);
    await dataSource?.destroy();
    await nats?.close();
  });

  function bump(by: number) {
    return { contract: CounterBumpedV1, tenantId, subject: 'counter-1', data: { by } };
  }

  it('publishes an event committed while no relay ran, exactly once, even when a relay crashed after publishing', async () => {
    const writer = new OutboxWriter(options);
    // The state change commits, then the process "dies" before any relay ran.
    const [event] = await dataSource.transaction(async (manager) => {
      await manager.query('UPDATE counter SET value = value + 1 WHERE id = 1');
      return writer.add(manager, bump(1));
    });
    // A relay that published but crashed before marking the row sent:
    await jetstream(nats).publish(eventSubject(event.type), JSON.stringify(event), { msgID: event.id });

    const relay = new OutboxRelay(dataSource, nats, options);
    relay.start();
    await eventually(async () => {
      const [row] = await dataSource.query('SELECT published_at FROM outbox WHERE id = $1', [event.id]);
      expect(row.published_at).not.toBeNull();
    });
    await relay.stop();

    const published = await readEvents(CounterBumpedV1.type, (candidate) => candidate.id === event.id, {
      timeoutMs: 2000,
      documented: false,
    });
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ specversion: '1.0', tenantid: tenantId, type: CounterBumpedV1.type, data: { by: 1 } });
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const writer = new OutboxWriter(options);
    let eventId = '';
    await expect(
      dataSource.transaction(async (manager) => {
        const [event] = await writer.add(manager, bump(100));
        eventId = event.id;
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');

    const relay = new OutboxRelay(dataSource, nats, options);
    relay.start();
    await relay.wake();
    await relay.stop();
    expect(await dataSource.query('SELECT id FROM outbox WHERE id = $1', [eventId])).toHaveLength(0);
    expect(
      await readEvents(CounterBumpedV1.type, (candidate) => candidate.id === eventId, { timeoutMs: 800, documented: false }),
    ).toHaveLength(0);
  });

  it('wakes when the transaction that wrote a row commits, without waiting for the poll', async () => {
    const relay = new OutboxRelay(dataSource, nats, { ...options, outboxPollIntervalMs: 60_000 });
    relay.start();
    await relay.wake(); // the start's own drain, out of the way
    const writer = new OutboxWriter(options);
    const [event] = await dataSource.transaction((manager) => writer.add(manager, bump(2)));
    await eventually(
      async () => {
        const [row] = await dataSource.query('SELECT published_at FROM outbox WHERE id = $1', [event.id]);
        expect(row.published_at).not.toBeNull();
      },
      { timeoutMs: 3000 },
    );
    await relay.stop();
  });

  it('publishes its rows once another replica that held the relay lock lets go, without waiting for the poll', async () => {
    const relay = new OutboxRelay(dataSource, nats, { ...options, outboxPollIntervalMs: 60_000 });
    relay.start();
    await relay.wake();
    // Another replica's relay in the middle of a batch: it holds the lock (released when its transaction ends).
    const otherReplica = dataSource.createQueryRunner();
    await otherReplica.connect();
    await otherReplica.startTransaction();
    await otherReplica.query(`SELECT pg_advisory_xact_lock(hashtextextended('warden.outbox.' || $1, 0))`, [SERVICE]);
    try {
      const [event] = await dataSource.transaction((manager) => new OutboxWriter(options).add(manager, bump(3)));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [waiting] = await dataSource.query('SELECT published_at FROM outbox WHERE id = $1', [event.id]);
      expect(waiting.published_at).toBeNull();
      await otherReplica.commitTransaction();
      await eventually(
        async () => {
          const [row] = await dataSource.query('SELECT published_at FROM outbox WHERE id = $1', [event.id]);
          expect(row.published_at).not.toBeNull();
        },
        { timeoutMs: 3000 },
      );
    } finally {
      await otherReplica.release();
      await relay.stop();
    }
  });

  it('applies a redelivered event once (inbox)', async () => {
    const subscriber = new EventSubscriber(dataSource, nats, options);
    subscriber.on(CounterBumpedV1, async (event, manager) => {
      await manager.query('UPDATE counter SET value = value + $1 WHERE id = 1', [event.data.by]);
    });
    const [before] = await dataSource.query('SELECT value FROM counter WHERE id = 1');
    await subscriber.onApplicationBootstrap();

    const event = createCloudEvent('identity', { ...bump(1000), type: CounterBumpedV1.type });
    // The same event twice under different message ids, as a redelivery after the dedup window would be.
    await jetstream(nats).publish(eventSubject(event.type), JSON.stringify(event), { msgID: `${event.id}-a` });
    await jetstream(nats).publish(eventSubject(event.type), JSON.stringify(event), { msgID: `${event.id}-b` });

    await eventually(async () => {
      const handled = await dataSource.query('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [event.id]);
      expect(handled[0].n).toBe(1);
      const [after] = await dataSource.query('SELECT value FROM counter WHERE id = 1');
      expect(after.value).toBeGreaterThanOrEqual(before.value + 1000);
    });
    await new Promise((resolve) => setTimeout(resolve, 500)); // give the duplicate its chance
    const [after] = await dataSource.query('SELECT value FROM counter WHERE id = 1');
    await subscriber.beforeApplicationShutdown();
    // The stream holds the earlier tests' events too: +1 (once, despite two publications), +2 and +3;
    // the rolled-back +100 never reached it; the redelivered +1000 counts once.
    expect(after.value - before.value).toBe(1006);
  });

  it('two relays of one outbox (two replicas of a service) publish a burst in the order it was written', async () => {
    const writer = new OutboxWriter(options);
    const burstTenant = newId();
    // Several batches, so that the second relay takes some while the first publishes others.
    const written = await dataSource.transaction((manager) =>
      writer.add(manager, ...Array.from({ length: 600 }, (_, index) => ({ ...bump(index), tenantId: burstTenant }))),
    );
    // Each replica with its own pool and NATS connection.
    const replica = await new DataSource(dataSource.options).initialize();
    const replicaNats = await connectToTestNats('identity');
    const relays = [new OutboxRelay(dataSource, nats, options), new OutboxRelay(replica, replicaNats, options)];
    try {
      await Promise.all(relays.map((relay) => (relay.start(), relay.wake())));
      await eventually(async () => expect(await relays[0]!.pending()).toBe(0), { timeoutMs: 10_000 });
    } finally {
      for (const relay of relays) await relay.stop();
      await replica.destroy();
      await replicaNats.close();
    }

    const published = await readEvents(CounterBumpedV1.type, (event) => event.tenantid === burstTenant, {
      atLeast: 600,
      timeoutMs: 5000,
      documented: false,
    });
    // The relay's order: oldest first by id (as one relay alone publishes them).
    expect(published.map((event) => event.id)).toEqual(written.map((event) => event.id).sort());
  });

  it('a batch the broker refuses partway: the rows before the refusal are marked, the rest are sent again, each stored once', async () => {
    const writer = new OutboxWriter(options);
    const refusedTenant = newId();
    const written = await dataSource.transaction((manager) =>
      writer.add(manager, ...Array.from({ length: 3 }, () => ({ ...bump(0), tenantId: refusedTenant }))),
    );
    const [first, middle, last] = [...written].sort((a, b) => a.id.localeCompare(b.id));
    // Larger than the server's max_payload: the client refuses this one publication, as a broker refuses under an outage.
    await dataSource.query(
      `UPDATE outbox SET event = jsonb_set(event, '{padding}', to_jsonb(repeat('x', 2 * 1024 * 1024))) WHERE id = $1`,
      [middle!.id],
    );
    const marked = async (): Promise<Record<string, boolean>> => {
      const rows: Array<{ id: string; published: boolean }> = await dataSource.query(
        'SELECT id, published_at IS NOT NULL AS published FROM outbox WHERE id = ANY($1::uuid[])',
        [written.map((event) => event.id)],
      );
      return Object.fromEntries(rows.map((row) => [row.id, row.published]));
    };

    const relay = new OutboxRelay(dataSource, nats, { ...options, outboxPollIntervalMs: 60_000 });
    relay.start();
    await relay.wake();
    await relay.stop();
    expect(await marked()).toEqual({ [first!.id]: true, [middle!.id]: false, [last!.id]: false });

    // The broker takes it again (the outage is over): the next drain publishes the rest, and the broker drops the
    // repeat of the row it had already stored past the refused one (Nats-Msg-Id).
    await dataSource.query(`UPDATE outbox SET event = event - 'padding' WHERE id = $1`, [middle!.id]);
    const again = new OutboxRelay(dataSource, nats, { ...options, outboxPollIntervalMs: 60_000 });
    again.start();
    await again.wake();
    await again.stop();
    expect(await marked()).toEqual({ [first!.id]: true, [middle!.id]: true, [last!.id]: true });
    const published = await readEvents(CounterBumpedV1.type, (event) => event.tenantid === refusedTenant, {
      atLeast: 3,
      timeoutMs: 5000,
      documented: false,
    });
    expect(published.map((event) => event.id).sort()).toEqual([first!.id, middle!.id, last!.id]);
  });

  it("records an event published on the service's EventBus in the transaction passed with it, and only there", async () => {
    @Module({
      imports: [CqrsModule.forRoot()],
      providers: [OutboxEventPublisher, { provide: OutboxWriter, useValue: new OutboxWriter(options) }],
    })
    class EventsModule {}
    const app = await NestFactory.createApplicationContext(EventsModule, { logger: false });
    await app.init();
    const events = app.get<EventBus<OutgoingEvent>>(EventBus);
    const countOf = async (by: number): Promise<number> =>
      Number((await dataSource.query(`SELECT count(*) AS n FROM outbox WHERE event->'data'->>'by' = $1`, [String(by)]))[0].n);
    try {
      await dataSource.transaction(async (manager) => {
        await manager.query('UPDATE counter SET value = value + 1 WHERE id = 1');
        await events.publish(bump(701), manager);
      });
      expect(await countOf(701)).toBe(1);

      // Rolled back with the change it described.
      await expect(
        dataSource.transaction(async (manager) => {
          await events.publish(bump(702), manager);
          throw new Error('the change fails');
        }),
      ).rejects.toThrow('the change fails');
      expect(await countOf(702)).toBe(0);

      // Outside a transaction it is refused rather than written on its own.
      await expect(events.publish(bump(703))).rejects.toThrow(/inside the transaction/);
      await expect(events.publish(bump(703), dataSource.manager)).rejects.toThrow(/inside the transaction/);
      expect(await countOf(703)).toBe(0);
    } finally {
      await app.close();
    }
  });
});
