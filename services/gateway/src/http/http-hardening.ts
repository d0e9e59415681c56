import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { corsOrigins } from '../config/gateway.env';
import type { GatewayEnv } from '../config/gateway.env';

/** Headers a browser app needs to read from our answers (optimistic locking, tracing, back-off, created resources). */
const EXPOSED_HEADERS = ['ETag', 'X-Request-Id', 'Retry-After', 'Location'];

/** Answers that carry or depend on credentials: anything sent with a token, and the sign-in answers that hand tokens out. */
function carriesCredentials(request: FastifyRequest): boolean {
  if (request.headers.authorization !== undefined) return true;
  const path = request.url.split('?', 1)[0];
  return path.startsWith('/api/v1/auth/') || request.url.includes('access_token=');
}

/**
 * Security headers on every answer (errors and 404s included: Nest's hook writes them before routing),
 * `Cache-Control: no-store` where credentials are involved, and CORS for the configured origins only.
 */
export function hardenHttp(app: NestFastifyApplication, env: GatewayEnv): void {
  app.useSecurityHeaders({
    // An API and Swagger UI: nothing may frame them; Swagger UI loads its own scripts and inline styles.
    // No upgrade-insecure-requests: the gateway is often reached over plain HTTP behind a TLS proxy or locally.
    contentSecurityPolicy: { directives: { frameAncestors: ["'none'"], upgradeInsecureRequests: null } },
    xFrameOptions: { action: 'deny' },
  });
  (app.getHttpAdapter().getInstance() as FastifyInstance).addHook('onSend', async (request, reply, payload) => {
    if (carriesCredentials(request) && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
  const origins = corsOrigins(env);
  if (origins.length > 0) {
    app.enableCors({
      origin: origins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'X-Request-Id'],
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    });
  }
}
