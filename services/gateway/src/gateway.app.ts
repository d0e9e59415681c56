import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ShutdownState } from '@warden/service-kit';
import { docsEnabled, trustProxy } from './config/gateway.env';
import type { GatewayEnv } from './config/gateway.env';
import { GatewayModule } from './gateway.module';
import { clientErrorHandler, frameworkErrors } from './http/fastify-refusals';
import { hardenHttp } from './http/http-hardening';
import { installHttpTracing } from './http/http-tracing.hooks';
import { echoRequestId, requestIdOf } from './http/request-id';
import { installRequestInputChecks } from './http/request-input.hooks';
import { setUpOpenApi } from './openapi/openapi.setup';

const BODY_LIMIT_BYTES = 256 * 1024;

/** Builds the gateway (not yet listening), so tests and main.ts start the very same application. */
export async function createGatewayApp(env: GatewayEnv): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // Off unless configured: with `true` anyone could pick their address with X-Forwarded-For.
    trustProxy: trustProxy(env),
    // Keeps a caller's sane X-Request-Id or makes one (no requestIdHeader: Fastify would take any value as is).
    genReqId: requestIdOf,
    frameworkErrors,
    clientErrorHandler,
  });
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', echoRequestId);
  installHttpTracing(fastify);
  installRequestInputChecks(fastify);
  // bodyParser off: the JSON parser above is the only one (no form or text bodies).
  // abortOnError off: a failed start throws to the caller (main.ts exits with the reason; an in-process test
  // fails that test) instead of Nest calling process.exit, which took a whole test run down with it.
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forRoot(env), adapter, {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // While shutting down, each answer closes its keep-alive connection: the server's close() waits for those.
  const shutdown = app.get(ShutdownState);
  adapter.getInstance().addHook('onSend', async (_request, reply) => {
    if (shutdown.shuttingDown) void reply.header('connection', 'close');
  });
  hardenHttp(app, env);
  if (docsEnabled(env)) setUpOpenApi(app);
  return app;
}
