import { Inject, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { MetricsRegistry } from '@warden/metrics';
import { BusClient } from './bus.client';
import { EventSubscriber } from './event.subscriber';
import { MessagingMetrics } from './messaging.metrics';
import { MESSAGING_OPTIONS, NATS_CONNECTION } from './messaging.options';
import type { MessagingOptions } from './messaging.options';
import { connectToNats, ensureEventStream, exitWhenClosedByError, refuseAnonymousNats } from './nats.connection';
import { OutboxRelay } from './outbox.relay';
import { OutboxEventPublisher } from './outbox-event.publisher';
import { OutboxWriter } from './outbox.writer';
import { AuditRecorder } from './audit.recorder';

class NatsConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.drain().catch(() => this.connection.close());
  }
}

/** The NATS connection (with the event stream ensured) and the request-reply client on it. No database needed. */
@Module({})
export class BusModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: BusModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: NATS_CONNECTION,
          useFactory: async () => {
            await refuseAnonymousNats(options.natsUrl, options.nodeEnv);
            const connection = await connectToNats(options.natsUrl, options.service, options.natsAuth, options.natsUser);
            exitWhenClosedByError(connection, `${options.service} messaging`);
            await ensureEventStream(connection, options.streamReplicas);
            return connection;
          },
        },
        NatsConnectionCloser,
        BusClient,
      ],
      exports: [MESSAGING_OPTIONS, NATS_CONNECTION, BusClient],
    };
  }
}

/**
 * The bus plus the outbox (writer and relay) and durable event subscriptions with an inbox.
 * Requires a TypeORM DataSource in the importing application (see PersistenceModule).
 */
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [BusModule.forRoot(options)],
      providers: [
        {
          provide: MessagingMetrics,
          useFactory: (metrics?: MetricsRegistry) => (metrics ? new MessagingMetrics(metrics) : MessagingMetrics.detached()),
          inject: [{ token: MetricsRegistry, optional: true }],
        },
        OutboxWriter,
        OutboxEventPublisher,
        AuditRecorder,
        OutboxRelay,
        EventSubscriber,
      ],
      exports: [BusModule, OutboxWriter, AuditRecorder, OutboxRelay, EventSubscriber],
    };
  }
}
