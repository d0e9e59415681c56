import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { eventStreamName, isCloudEvent, webhookConsumerName } from '@warden/contracts';
import type { CloudEvent } from '@warden/contracts';
import { ensureEventStream, handleInBatches, NATS_CONNECTION } from '@warden/messaging';
import { isDataException } from '@warden/persistence';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { DeliveryRepository } from './delivery.repository';
import { EndpointRepository } from './endpoint.repository';
import { matchesEventTypes } from './event-type.filter';

const REDELIVERY_DELAY_MS = 2000;
/** Events queued in one transaction at most; under load a commit per event was what kept deliveries waiting. */
const MAX_BATCH = 100;

type TenantEndpoints = Awaited<ReturnType<EndpointRepository['ofTenant']>>;

interface IntakeEvent {
  message: JsMsg;
  body: string;
  event: CloudEvent<unknown> & { subject: string; time: string };
}

/**
 * Reads every event of the stream through one durable consumer (shared by the replicas) and queues a delivery
 * per matching endpoint of the event's own tenant, the events waiting in the client's buffer in one transaction;
 * the (endpoint, event) key makes a redelivered message queue nothing twice, so the acks can come after the commit.
 */
@Injectable()
export class EventIntakeConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventIntakeConsumer.name);
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly endpoints: EndpointRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureEventStream(this.nats);
    const stream = eventStreamName();
    const durable = webhookConsumerName();
    const manager = await jetstreamManager(this.nats);
    await manager.consumers.info(stream, durable).catch(() =>
      manager.consumers.add(stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        // Endpoints exist only from now on: what was published before this service first ran goes to nobody.
        deliver_policy: DeliverPolicy.New,
        ack_wait: 30_000_000_000,
        max_ack_pending: 1000,
      }),
    );
    const consumer = await jetstream(this.nats).consumers.get(stream, durable);
    this.messages = await consumer.consume({ max_messages: 100 });
    const messages = this.messages;
    const failed = (error: unknown) => this.logger.error(`Queueing events failed: ${String(error)}`);
    this.loop = handleInBatches(messages, MAX_BATCH, (batch) => this.handle(batch), failed).catch((error: unknown) =>
      this.logger.error(`Consumer ${durable} stopped: ${String(error)}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.messages?.stop();
    await this.loop;
  }

  private async handle(messages: JsMsg[]): Promise<void> {
    const events = messages.map((message) => this.parse(message)).filter((event): event is IntakeEvent => event !== null);
    if (events.length === 0) return;
    try {
      const queued = await this.dataSource.transaction(async (manager) => {
        // A batch is mostly one tenant's events: its endpoints are read once per batch.
        const endpointsOf = new Map<string, Promise<TenantEndpoints>>();
        const tenantEndpoints = (tenantId: string): Promise<TenantEndpoints> => {
          if (!endpointsOf.has(tenantId)) endpointsOf.set(tenantId, this.endpoints.ofTenant(manager, tenantId));
          return endpointsOf.get(tenantId)!;
        };
        let count = 0;
        for (const intake of events) count += await this.queue(manager, intake, await tenantEndpoints(intake.event.tenantid));
        return count;
      });
      for (const { message } of events) message.ack();
      if (queued > 0) this.dispatcher.wake(queued);
    } catch (error) {
      if (events.length > 1) {
        // One event the database refuses must not hold back the others: each again in a transaction of its own.
        for (const intake of events) await this.handle([intake.message]);
        return;
      }
      const { event, message } = events[0]!;
      if (isDataException(error)) {
        // Redelivered, it would be refused again every REDELIVERY_DELAY_MS for good: terminated, JetStream
        // announces it ($JS.EVENT.ADVISORY.CONSUMER.MSG_TERMINATED) and the log says which event it was.
        this.logger.error(`Dropping ${event.type} ${event.id}: PostgreSQL cannot store it, no webhook will carry it (${String(error)})`);
        message.term();
        return;
      }
      this.logger.warn(`Queueing ${event.type} ${event.id} failed, redelivering: ${String(error)}`);
      message.nak(REDELIVERY_DELAY_MS);
    }
  }

  /** The message's CloudEvent; a message that is none is dropped (terminated) here. */
  private parse(message: JsMsg): IntakeEvent | null {
    const body = message.string();
    let event: unknown;
    try {
      event = JSON.parse(body);
    } catch {
      message.term();
      return null;
    }
    if (!isCloudEvent(event) || typeof event.subject !== 'string' || typeof event.time !== 'string') {
      this.logger.error(`Dropping a message on ${message.subject} that is not a CloudEvent`);
      message.term();
      return null;
    }
    return { message, body, event: event as IntakeEvent['event'] };
  }

  /** Stores the event and queues its deliveries; the number queued. */
  private async queue(manager: EntityManager, { message, body, event }: IntakeEvent, endpoints: TenantEndpoints): Promise<number> {
    if (endpoints.length === 0) return 0;
    await this.deliveries.storeEvent(manager, {
      id: event.id,
      tenantId: event.tenantid,
      type: event.type,
      subject: event.subject,
      time: event.time,
      body,
      streamSeq: message.seq,
    });
    const matching = endpoints.filter((endpoint) => matchesEventTypes(endpoint.event_types, event.type)).map((endpoint) => endpoint.id);
    return this.deliveries.enqueue(manager, event.tenantid, matching, { ...event, streamSeq: message.seq });
  }
}
