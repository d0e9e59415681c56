import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import type { RpcRequest } from '@warden/contracts';

/**
 * Every path, the site root included. Not nestjs-pino's default `{/*splat}`: the @fastify/middie under
 * Nest's Fastify adapter puts a leading slash in front of a mount path without one, and `/{/*splat}`
 * matches only `/` and `//…`, so the logging middleware never ran for a real route.
 */
const ALL_ROUTES = [{ path: '/{*splat}', method: RequestMethod.ALL }];

/** Query parameters that carry credentials (the event stream's `?access_token=`); never logged. */
const SECRET_QUERY_PARAMETERS = ['access_token'];

/** The path as requested: middie rewrites `url` to what follows the mount path, keeping it in `originalUrl`. */
function requestPath(request: IncomingMessage): string {
  const url = (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url ?? '';
  const query = url.indexOf('?');
  return query >= 0 ? url.slice(0, query) : url;
}

/** The active span's ids for a log line (tracing on, inside a traced request or message), so a line leads to its trace. */
export function traceLogFields(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/**
 * One logger setup for every process: JSON lines with the service name, and the request id of the
 * HTTP request (gateway) or of the bus message that carries it (services), so one request can be
 * followed across processes; with tracing on, also the trace and span ids.
 */
export function loggerParams(service: string, level: string): Params {
  return {
    forRoutes: ALL_ROUTES,
    pinoHttp: {
      level,
      base: { service },
      mixin: traceLogFields,
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        ...SECRET_QUERY_PARAMETERS.map((name) => `req.query.${name}`),
        '*.password',
        '*.refreshToken',
      ],
      serializers: {
        // The query string is logged as `req.query` (where secrets are redacted), not a second time in the URL.
        req: (request: { url?: string; raw: IncomingMessage }) => Object.assign(request, { url: requestPath(request.raw) }),
      },
      // Only a fallback: pino-http keeps the id the HTTP adapter already gave the request (the gateway's
      // sane X-Request-Id or a new UUID), which is also the one in the response header and in problems.
      genReqId: () => randomUUID(),
      customAttributeKeys: { reqId: 'requestId' },
      quietReqLogger: true,
      // Prometheus scrapes every few seconds; its requests are counted in the metrics, not logged.
      autoLogging: { ignore: (request) => requestPath(request) === '/metrics' },
    },
    microservice: {
      autoLogging: false,
      genReqId: (context) => {
        const message = context.switchToRpc().getData() as Partial<RpcRequest<unknown>> | undefined;
        return message?.ctx?.requestId ?? randomUUID();
      },
      customAttributeKeys: { reqId: 'requestId' },
      quietRpcLogger: true,
    },
  };
}
