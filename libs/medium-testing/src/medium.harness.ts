import { Global, Module } from '@nestjs/common';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import type { RequestContext, RpcName, RpcRequestData, RpcResponse } from '@warden/contracts';
import { createDatabaseIfMissing, withDatabase } from '@warden/infra';
import { AuditRecorder, BusClient, EventSubscriber, MESSAGING_OPTIONS, OutboxEventPublisher, OutboxWriter } from '@warden/messaging';
import { openDataSource } from '@warden/persistence';
import type { ServiceDefinition } from '@warden/service-kit';
import { testEnv } from '@warden/testing';

/** What a use case asks other services over the bus, answered by the spec: name -> answer (or a function of the request). */
export type BusAnswers = {
  [K in RpcName]?: RpcResponse<K> | ((data: RpcRequestData<K>, ctx: RequestContext) => RpcResponse<K> | Promise<RpcResponse<K>>);
};

export interface MediumOptions {
  /** The feature modules under test (e.g. OrdersModule), as the service's root module imports them. */
  imports: Array<Type<unknown>>;
  bus?: BusAnswers;
}

export interface OutboxRow {
  type: string;
  /** The event's subject (the resource it is about), not the NATS subject it is published on. */
  subject: string;
  data: Record<string, unknown>;
}

export interface Medium {
  app: INestApplicationContext;
  dataSource: DataSource;
  get<T>(type: Type<T>): T;
  /** Rows of the service's own schema (its search path), for assertions on what a use case wrote. */
  rows<T = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<T[]>;
  /** The events the use cases wrote into the outbox for one tenant, oldest first. */
  outbox(tenantId: string): Promise<OutboxRow[]>;
  close(): Promise<void>;
}

/**
 * Medium tests: one service's feature modules with their real repositories, real SQL and a real outbox, on a
 * throw-away database of their own migrated by the service's migrations (migrations name their schema, so schema
 * isolation means a database per spec file). No HTTP, no NATS: only what crosses the bus is replaced. The
 * BusClient is a fake answering the few calls a use case makes (`bus`), because the bus is not what these tests
 * are about (e2e/ covers it); events are not published, the outbox rows are what the specs assert.
 * Nest's `@nestjs/testing` is not a dependency: NestFactory.createApplicationContext is what it wraps.
 */
export async function startMedium(
  service: Pick<ServiceDefinition, 'name' | 'entities' | 'migrations'>,
  options: MediumOptions,
): Promise<Medium> {
  const serverUrl = testEnv().databaseUrl;
  // Named after the run's database, so tools/test.mjs drops it with the run's even when a spec never got to close().
  const database = `${decodeURIComponent(new URL(serverUrl).pathname.slice(1))}_m_${service.name}_${randomBytes(4).toString('hex')}`;
  await createDatabaseIfMissing(serverUrl, database);
  const dropDatabase = async (): Promise<void> => {
    const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  };
  const dataSource = await openDataSource({
    service: service.name,
    databaseUrl: withDatabase(serverUrl, database),
    entities: service.entities,
    migrations: service.migrations,
    poolSize: 4,
  }).catch(async (error: unknown) => {
    await dropDatabase();
    throw error;
  });
  const bus = {
    request: async (name: RpcName, ctx: RequestContext, data: unknown) => {
      const answer = (options.bus as Record<string, unknown> | undefined)?.[name];
      if (answer === undefined) throw new Error(`The medium test's bus has no answer for ${name}`);
      return typeof answer === 'function' ? answer(data, ctx) : answer;
    },
  };
  // Consumers register their handlers on module init; no events arrive here (specs seed read models through their repositories).
  const subscriber = { on: () => undefined };

  // The command and query buses as ServiceKitModule gives them to a service, its EventBus writing to the outbox.
  @Global()
  @Module({
    imports: [CqrsModule.forRoot()],
    providers: [
      { provide: DataSource, useValue: dataSource },
      { provide: MESSAGING_OPTIONS, useValue: { service: service.name, natsUrl: 'nats://unused' } },
      OutboxWriter,
      OutboxEventPublisher,
      AuditRecorder,
      { provide: BusClient, useValue: bus },
      { provide: EventSubscriber, useValue: subscriber },
    ],
    exports: [DataSource, MESSAGING_OPTIONS, OutboxWriter, AuditRecorder, BusClient, EventSubscriber],
  })
  class MediumInfrastructure {}

  @Module({ imports: [MediumInfrastructure, ...options.imports] })
  class MediumRoot {}

  const app = await NestFactory.createApplicationContext(MediumRoot, { logger: false }).catch(async (error: unknown) => {
    await dataSource.destroy();
    await dropDatabase();
    throw error;
  });
  const rows = async <T>(sql: string, parameters: unknown[] = []): Promise<T[]> => dataSource.query(sql, parameters);
  return {
    app,
    dataSource,
    get: (type) => app.get(type),
    rows,
    outbox: async (tenantId) => {
      const found = await rows<{ event: OutboxRow }>('SELECT event FROM outbox WHERE tenant_id = $1 ORDER BY created_at, id', [tenantId]);
      return found.map(({ event }) => ({ type: event.type, subject: event.subject, data: event.data }));
    },
    close: async () => {
      await app.close();
      await dataSource.destroy();
      await dropDatabase();
    },
  };
}
