import { HttpException, Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { from, lastValueFrom } from 'rxjs';
import type { Observable } from 'rxjs';
import { DomainError } from '@warden/kernel';
import { DEFAULT_BUS_TIMEOUT_MS, withBusTimeout } from '@warden/messaging';
import type { AuthenticatedRequest } from '../auth/principal';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey, recordName, requestFingerprint } from './idempotency-key';
import { IdempotencyStore } from './idempotency.store';
import type { IdempotencyRecord, StoredOutcome } from './idempotency.store';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Sign-in routes keep no record: their answers hold credentials, and repeating them is harmless or refused by design. */
const EXEMPT_PREFIXES = ['/api/v1/auth/'];
/** How long the late answer of a request the client already got a 503 for is still awaited and recorded. */
export const LATE_ANSWER_MS = 60_000;
/** After this, a request that never finished (its gateway died) no longer holds its key. */
const LEASE_MS = LATE_ANSWER_MS + 2 * DEFAULT_BUS_TIMEOUT_MS;
/** Response headers that belong to the answer and are replayed with it. */
const REPLAYED_HEADERS = ['etag', 'location', 'content-location', 'last-modified'];
const IN_PROGRESS_RETRY_AFTER_SECONDS = 2;
const TIMED_OUT = Symbol('timed out');

function inProgress(): DomainError {
  return new DomainError(
    'IDEMPOTENCY.IN_PROGRESS',
    'conflict',
    'A request with this Idempotency-Key is still being processed; send it again later to get its answer',
    undefined,
    { retryAfterSeconds: IN_PROGRESS_RETRY_AFTER_SECONDS },
  );
}

function keyReused(): DomainError {
  return new DomainError(
    'IDEMPOTENCY.KEY_REUSED',
    'validation',
    'This Idempotency-Key was used for another request (method, path or body)',
    [{ field: 'Idempotency-Key', reason: 'was used for another request; use a new key for a new request' }],
  );
}

function stillRunning(): DomainError {
  return new DomainError(
    'BUS.TIMEOUT',
    'unavailable',
    'The request did not finish in time and may still be applied; send it again with the same Idempotency-Key to get its answer',
    undefined,
    { retryAfterSeconds: DEFAULT_BUS_TIMEOUT_MS / 1000 },
  );
}

/** An outcome that says nothing was done (a dependency was away, or the gateway failed): the key is released for a retry. */
function isUnapplied(error: unknown): boolean {
  if (error instanceof DomainError) return (error.kind === 'unavailable' && error.code !== 'BUS.TIMEOUT') || error.kind === 'internal';
  if (error instanceof HttpException) return error.getStatus() >= 500;
  return true;
}

/**
 * `Idempotency-Key` on every state-changing route: the first request with a key runs, and its answer
 * (status, body, ETag/Location, or its 4xx problem) is recorded for 24 h; the same key with the same
 * method, path and body replays that answer without running anything again, with another request
 * it is 422, and while the first is still running it is 409 with Retry-After.
 *
 * Keys are scoped to the signed-in person of a tenant; on anonymous routes (creating a tenant) to
 * the route. A request that does not finish within the bus timeout answers 503 as always, but keeps
 * running (its bus calls wait up to LATE_ANSWER_MS) and records its real answer when it arrives, so
 * the client's retry with the same key gets the one true answer rather than a second execution.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (header === undefined || !STATE_CHANGING.has(request.method)) return next.handle();
    const path = request.url.split('?', 1)[0]!;
    if (!path.startsWith('/api/') || EXEMPT_PREFIXES.some((prefix) => path.startsWith(prefix))) return next.handle();
    return from(this.handle(context, next, request, parseIdempotencyKey(header)));
  }

  private async handle(context: ExecutionContext, next: CallHandler, request: AuthenticatedRequest, key: string): Promise<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const principal = request.principal;
    const scope = principal ? `person:${principal.tenantId}:${principal.personId}` : `route:${request.routeOptions.url ?? request.url}`;
    const name = recordName(scope, key);
    const fingerprint = requestFingerprint(request.method, request.url, request.body);
    const record: IdempotencyRecord = { fingerprint, leaseUntil: Date.now() + LEASE_MS };

    const claim = await this.store.claim(name, record);
    if (!claim.claimed) {
      if (claim.record.fingerprint !== fingerprint) throw keyReused();
      if (claim.record.outcome) return this.replay(reply, claim.record.outcome);
      if (claim.record.leaseUntil > Date.now() || (await this.store.takeOver(name, record, claim.revision)) === null) throw inProgress();
    }

    // The route's status is set before interceptors run; read now, as a 503 sent meanwhile would change it.
    const status = reply.statusCode;
    const work = withBusTimeout(LATE_ANSWER_MS, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
    const recorded = work.then(
      (body) =>
        this.store.complete(name, {
          ...record,
          outcome: { type: 'response', status, headers: answerHeaders(reply), body: body === undefined ? null : JSON.stringify(body) },
        }),
      (error: unknown) =>
        isUnapplied(error) ? this.store.release(name) : this.store.complete(name, { ...record, outcome: errorOutcome(error) }),
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), DEFAULT_BUS_TIMEOUT_MS);
    });
    let first: unknown;
    try {
      first = await Promise.race([work, timedOut]);
    } catch (error) {
      await recorded;
      throw error;
    } finally {
      clearTimeout(timer);
    }
    // The client hears 503 now; the work goes on and `recorded` stores its answer for the retry.
    if (first === TIMED_OUT) throw stillRunning();
    await recorded;
    return first;
  }

  private replay(reply: FastifyReply, outcome: StoredOutcome): unknown {
    void reply.header('idempotent-replayed', 'true');
    if (outcome.type === 'domain-error') throw DomainError.fromPayload(outcome.error);
    if (outcome.type === 'http-error') throw new HttpException(outcome.response, outcome.status);
    for (const [header, value] of Object.entries(outcome.headers)) void reply.header(header, value);
    void reply.status(outcome.status);
    return outcome.body === null ? undefined : JSON.parse(outcome.body);
  }
}

function answerHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of REPLAYED_HEADERS) {
    const value = reply.getHeader(header);
    if (value !== undefined) headers[header] = String(value);
  }
  return headers;
}

function errorOutcome(error: unknown): StoredOutcome {
  if (error instanceof DomainError) return { type: 'domain-error', error: error.toPayload() };
  const http = error as HttpException;
  return { type: 'http-error', status: http.getStatus(), response: http.getResponse() as string | Record<string, unknown> };
}
