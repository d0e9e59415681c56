import { Catch, Logger } from '@nestjs/common';
import type { ArgumentsHost, RpcExceptionFilter } from '@nestjs/common';
import { throwError } from 'rxjs';
import type { Observable } from 'rxjs';
import { DomainError } from '@warden/kernel';
import type { ErrorPayload } from '@warden/kernel';

/**
 * Turns every failure of a message handler into an ErrorPayload the caller understands. Expected
 * failures keep their code; anything else is logged here and leaves as a bare `INTERNAL` without
 * internals, so no stack trace ever crosses the bus.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    if (exception instanceof DomainError) return throwError(() => exception.toPayload());
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const payload: ErrorPayload = { code: 'INTERNAL', kind: 'internal', message: 'The service failed to handle the request' };
    return throwError(() => payload);
  }
}
