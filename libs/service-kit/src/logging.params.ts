import type { Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { RpcRequest } from '@warden/contracts';

/**
 * One logger setup for every process: JSON lines with the service name, and the request id of the
 * HTTP request (gateway) or of the bus message that carries it (services), so one request can be
 * followed across processes.
 */
export function loggerParams(service: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.refreshToken'],
      // Fastify has already given the request its id (from X-Request-Id or a new UUID).
      genReqId: (request, reply) => {
        const id = (request as { id?: unknown }).id;
        const requestId = typeof id === 'string' && id ? id : randomUUID();
        reply.setHeader('x-request-id', requestId);
        return requestId;
      },
      customAttributeKeys: { reqId: 'requestId' },
      quietReqLogger: true,
      // Prometheus scrapes every few seconds; its requests are counted in the metrics, not logged.
      autoLogging: { ignore: (request) => request.url === '/metrics' },
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
