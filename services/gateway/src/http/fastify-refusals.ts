import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problem } from './problem';
import { httpCode } from './problem-details.filter';

/**
 * Refusals Fastify answers before a route exists for the request (a malformed or over-long path
 * parameter, a bad URL encoding), as the same problem documents the exception filter sends.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const detail = status === 414 ? 'A path parameter is too long' : 'The request URL is not valid';
  const body = { ...problem(status, httpCode(status), detail), instance: request.url.split('?', 1)[0], requestId: String(request.id) };
  // No hook ran for this request: the headers they would add are set here.
  void reply
    .status(status)
    .headers({ 'content-type': 'application/problem+json', 'x-content-type-options': 'nosniff', 'x-request-id': String(request.id) })
    .send(body);
}

/**
 * Refusals Node's HTTP parser makes before there is a request at all: headers (the URL included) over
 * the size limit (431), a request that never finished (408), bytes that are not HTTP (400). Written to
 * the socket as a problem document, as Fastify's own handler would write its JSON, and the connection closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request line and headers are larger than the server accepts (16 KB)']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request was not received in time']
        : [400, 'The request is not valid HTTP'];
  const requestId = randomUUID();
  const body = JSON.stringify({ ...problem(status, httpCode(status), detail), requestId });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Content-Type-Options: nosniff\r\nX-Request-Id: ${requestId}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
