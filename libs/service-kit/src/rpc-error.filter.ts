import { Catch, Logger } from '@nestjs/common';
import type { ArgumentsHost, RpcExceptionFilter } from '@nestjs/common';
import { throwError } from 'rxjs';
import type { Observable } from 'rxjs';
import { DomainError } from '@warden/kernel';
import type { ErrorPayload } from '@warden/kernel';
import { concurrentChangeError, isDatabaseUnavailable, isRetryableConflict } from '@warden/persistence';

/** How long a caller should wait before trying again while the database is away. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Turns every failure of a message handler into an ErrorPayload the caller understands. Expected
 * failures keep their code; anything else is logged here and leaves as a bare `INTERNAL` without
 * internals, so no stack trace ever crosses the bus. A database that cannot be reached is an outage,
 * not a fault (`DATABASE.UNAVAILABLE`, 503 with Retry-After at the gateway); a deadlock that escaped
 * the transaction retry is a lost race (409).
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    if (exception instanceof DomainError) return throwError(() => exception.toPayload());
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      const payload: ErrorPayload = {
        code: 'DATABASE.UNAVAILABLE',
        kind: 'unavailable',
        message: 'The database is not available; try again shortly',
        details: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
      };
      return throwError(() => payload);
    }
    if (isRetryableConflict(exception)) return throwError(() => concurrentChangeError().toPayload());
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const payload: ErrorPayload = { code: 'INTERNAL', kind: 'internal', message: 'The service failed to handle the request' };
    return throwError(() => payload);
  }
}
