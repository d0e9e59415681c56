import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { closeOnSignals, loadEnv, startTracing } from '@warden/service-kit';
import { GatewayEnv } from './config/gateway.env';
import { createGatewayApp } from './gateway.app';

async function main(): Promise<void> {
  const env = loadEnv(GatewayEnv);
  const flushTraces = startTracing('gateway');
  const app = await createGatewayApp(env);
  await app.listen({ port: env.PORT, host: env.HOST });
  const logger = app.get(Logger);
  closeOnSignals(app, { drainDelayMs: env.SHUTDOWN_DELAY_MS, log: (message) => logger.log(message, 'Shutdown'), flush: flushTraces });
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
