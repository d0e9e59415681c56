import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What a caller's id may look like to be kept: UUIDs, ULIDs, hex trace ids, W3C traceparent. Anything
 * else (too long, spaces, control characters, a repeated header joined with ", ") could forge or break
 * log lines, so it is replaced rather than trimmed.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function isSaneRequestId(value: unknown): value is string {
  return typeof value === 'string' && SANE_REQUEST_ID.test(value);
}

/**
 * Fastify's genReqId: the caller's X-Request-Id when it is sane (to follow a request across systems),
 * else a new UUID. This id is the one logged, echoed, sent in the RPC context and put into problems.
 */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return isSaneRequestId(incoming) ? incoming : randomUUID();
}

/**
 * onRequest hook: every response carries the id. Set on the raw response so that it also reaches
 * replies written past Fastify (the hijacked event stream) and error replies.
 */
export function echoRequestId(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  reply.raw.setHeader(REQUEST_ID_HEADER, request.id);
  done();
}
