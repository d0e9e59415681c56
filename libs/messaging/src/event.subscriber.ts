import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { eventStreamName, eventSubject, inboxConsumerName, isCloudEvent } from '@warden/contracts';
import type { CloudEvent, EventContract } from '@warden/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION } from './messaging.options';
import type { MessagingOptions } from './messaging.options';
import { MessagingMetrics } from './messaging.metrics';
import { ensureEventStream } from './nats.connection';
import { contextFromTraceparent, wardenTracer } from './trace-context';

/** Applies one event inside the transaction that also records it as handled. */
export type EventHandler<T> = (event: CloudEvent<T>, manager: EntityManager) => Promise<void>;

interface Registration {
  contract: EventContract;
  handler: EventHandler<unknown>;
}

const REDELIVERY_DELAY_MS = 2000;

/**
 * Durable JetStream consumers with an inbox. Handlers are registered by contract during module
 * init; at bootstrap one durable consumer per producing service is opened. Each event is validated
 * against its contract class, then applied and recorded in the inbox in one transaction, so a
 * redelivery (crash before ack, broker retry) finds the inbox row and changes nothing.
 */
@Injectable()
export class EventSubscriber implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventSubscriber.name);
  private readonly registrations = new Map<string, Registration>();
  private readonly subscriptions: ConsumerMessages[] = [];
  private readonly loops: Promise<void>[] = [];

  constructor(
    private readonly dataSource: DataSource,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly metrics: MessagingMetrics = MessagingMetrics.detached(),
  ) {}

  on<T extends object>(contract: EventContract<T>, handler: EventHandler<T>): void {
    if (this.registrations.has(contract.type)) throw new Error(`Two handlers for ${contract.type}`);
    this.registrations.set(contract.type, { contract, handler: handler as EventHandler<unknown> });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.registrations.size === 0) return;
    await ensureEventStream(this.nats, this.options.streamReplicas);
    const sources = new Set([...this.registrations.keys()].map((type) => type.split('.')[0]));
    for (const source of sources) await this.consumeFrom(source);
  }

  /** Before the data source closes (its own shutdown hook), so no query runs on a closed pool. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.stop();
    await Promise.allSettled(this.loops);
  }

  /** The inbox consumer name: one per (consuming service, producing service). */
  private consumerName(source: string): string {
    return inboxConsumerName(this.options.service, source);
  }

  private async consumeFrom(source: string): Promise<void> {
    const stream = eventStreamName();
    const durable = this.consumerName(source);
    const manager = await jetstreamManager(this.nats);
    await manager.consumers.info(stream, durable).catch(() =>
      manager.consumers.add(stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: eventSubject(`${source}.>`),
        ack_wait: 30_000_000_000,
        max_ack_pending: 1000,
      }),
    );
    const consumer = await jetstream(this.nats).consumers.get(stream, durable);
    const messages = await consumer.consume({ max_messages: 100 });
    this.subscriptions.push(messages);
    this.loops.push(
      (async () => {
        for await (const message of messages) await this.handle(message, durable);
      })().catch((error: unknown) => this.logger.error(`Consumer ${durable} stopped: ${String(error)}`)),
    );
  }

  private async handle(message: JsMsg, consumer: string): Promise<void> {
    let event: unknown;
    try {
      event = message.json();
    } catch {
      this.logger.error(`Dropping a message on ${message.subject} that is not JSON`);
      message.term();
      return;
    }
    if (!isCloudEvent(event)) {
      this.logger.error(`Dropping a message on ${message.subject} that is not a CloudEvent`);
      message.term();
      return;
    }
    const registration = this.registrations.get(event.type);
    if (!registration) {
      message.ack();
      return;
    }
    const payload = plainToInstance(registration.contract, event.data);
    const problems = await validate(payload as object);
    if (problems.length > 0) {
      this.logger.error(`Dropping ${event.type} ${event.id}: payload breaks its contract (${problems.map((p) => p.property).join(', ')})`);
      this.metrics.handled(event.type, 'invalid');
      message.term();
      return;
    }
    // A consumer span continuing the trace of the change that wrote the event (its `traceparent` extension).
    const parent = contextFromTraceparent(event.traceparent);
    const span = wardenTracer().startSpan(
      `consume ${event.type}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'nats',
          'messaging.consumer.group.name': consumer,
          'cloudevents.event_id': event.id,
          'cloudevents.event_subject': event.subject,
        },
      },
      parent,
    );
    try {
      const applied = await context.with(trace.setSpan(parent, span), () =>
        this.dataSource.transaction(async (manager) => {
          const inserted: unknown[] = await manager.query(
            'INSERT INTO inbox (event_id, consumer, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id',
            [event.id, consumer, event.type],
          );
          if (inserted.length === 0) return false;
          await registration.handler({ ...event, data: payload }, manager);
          return true;
        }),
      );
      message.ack();
      this.metrics.handled(event.type, applied ? 'ok' : 'duplicate');
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'redelivered' });
      this.logger.warn(`Handling ${event.type} ${event.id} failed, redelivering: ${String(error)}`);
      this.metrics.handled(event.type, 'error');
      message.nak(REDELIVERY_DELAY_MS);
    } finally {
      span.end();
    }
  }
}
