import { Module } from '@nestjs/common';
import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import type { NatsConnection } from '@nats-io/transport-node';
import { exitWhenClosedByError, natsConnectionOptions } from '@warden/messaging';
import { openDataSource } from '@warden/persistence';
import { DrainingNatsServer } from './draining-nats.server';
import { loadEnv } from './env.loader';
import { ServiceEnv } from './service.config';
import { startTracing } from './tracing.bootstrap';
import { ServiceKitModule } from './service-kit.module';
import type { ServiceDefinition } from './service-kit.module';
import { closeOnSignals } from './shutdown.state';

@Module({})
class ServiceHostModule {}

/** Builds and starts one service: listening on its request-reply subjects, relaying its outbox. */
export async function startService(definition: ServiceDefinition, env: ServiceEnv = loadEnv(ServiceEnv)): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(
    { module: ServiceHostModule, imports: [ServiceKitModule.forService(definition, env), definition.rootModule!] },
    {
      // Nest's NATS transport, answering the requests it took before it closes. The queue group spreads requests
      // over the replicas of one service. Reconnects never give up (Nest's default, 10 attempts 2 s apart, left a
      // service deaf for good after a 20 s NATS outage).
      strategy: new DrainingNatsServer({ ...natsConnectionOptions(env.NATS_URL, definition.name, env), queue: definition.name }),
      bufferLogs: true,
      // A failed start throws to the caller rather than Nest calling process.exit (see gateway.app.ts).
      abortOnError: false,
    },
  );
  app.useLogger(app.get(Logger));
  try {
    await app.listen();
  } catch (error) {
    // A start that fails (e.g. a start-up check refusing the settings) releases what it opened already.
    await app.close().catch(() => undefined);
    throw error;
  }
  exitWhenClosedByError(app.unwrap<NatsConnection>(), `${definition.name} RPC transport`);
  return app;
}

/** Applies pending migrations of one service and returns their names. */
export async function migrateService(definition: ServiceDefinition, env: ServiceEnv = loadEnv(ServiceEnv)): Promise<string[]> {
  const dataSource = await openDataSource({
    service: definition.name,
    databaseUrl: env.DATABASE_URL,
    entities: definition.entities,
    migrations: definition.migrations,
  });
  const applied = (await dataSource.query('SELECT name FROM migrations ORDER BY id')) as Array<{ name: string }>;
  await dataSource.destroy();
  return applied.map((row) => row.name);
}

async function startAndCloseOnSignals(definition: ServiceDefinition): Promise<void> {
  const env = loadEnv(ServiceEnv);
  const flushTraces = startTracing(definition.name);
  const app = await startService(definition, env);
  const logger = app.get(Logger);
  closeOnSignals(app, { drainDelayMs: env.SHUTDOWN_DELAY_MS, log: (message) => logger.log(message, 'Shutdown'), flush: flushTraces });
}

/** The process entry point: `node main.js` runs the service, `node main.js migrate` only migrates. */
export function runService(definition: ServiceDefinition): void {
  const command = process.argv[2];
  const run =
    command === 'migrate'
      ? migrateService(definition).then((applied) => {
          process.stdout.write(`${definition.name}: schema is at ${applied[applied.length - 1] ?? 'no migration'}\n`);
          process.exit(0);
        })
      : startAndCloseOnSignals(definition);
  run.catch((error: unknown) => {
    process.stderr.write(`${definition.name} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
