import { Catch, HttpException, Logger } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@warden/kernel';
import type { ErrorCode } from '@warden/kernel';
import { HTTP_STATUS_BY_KIND, problem } from './problem';
import type { Problem } from './problem';
import { retryAfterSeconds } from './retry-after';

/** Maps every error to an RFC 9457 problem response. Nothing else ever leaves the gateway. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetailsFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = this.toProblem(exception);
    // The path only: a query may carry a credential (?access_token= on the realtime stream).
    body.instance = request.url.split('?', 1)[0];
    body.requestId = String(request.id);
    if (body.status === 401) reply.header('www-authenticate', 'Bearer');
    const retryAfter = retryAfterSeconds(body);
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    void reply.status(body.status).header('content-type', 'application/problem+json').send(body);
  }

  toProblem(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      const status = HTTP_STATUS_BY_KIND[exception.kind];
      if (status >= 500) this.logger.warn(`${exception.code}: ${exception.message}`);
      return problem(status, exception.code, exception.message, {
        ...(exception.fields ? { errors: exception.fields } : {}),
        ...(exception.details ?? {}),
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse() as { status?: string; details?: unknown };
      // Terminus reports which dependency is down; keep that in the problem document.
      if (status === 503 && response?.status === 'error') {
        return problem(status, 'HEALTH.NOT_READY', 'A dependency is not answering', { details: response.details });
      }
      return problem(status, httpCode(status), httpDetail(exception));
    }
    const fastifyStatus = (exception as { statusCode?: number } | null)?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return problem(fastifyStatus, httpCode(fastifyStatus), (exception as Error).message);
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return problem(500, 'INTERNAL', 'The request could not be handled; it has been logged with its request id');
  }
}

export function httpCode(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'REQUEST.MALFORMED';
    case 404:
      return 'ROUTE.NOT_FOUND';
    case 405:
      return 'ROUTE.METHOD_NOT_ALLOWED';
    case 408:
      return 'REQUEST.TIMEOUT';
    case 413:
      return 'REQUEST.TOO_LARGE';
    case 414:
      return 'REQUEST.URI_TOO_LONG';
    case 415:
      return 'REQUEST.UNSUPPORTED_MEDIA_TYPE';
    case 431:
      return 'REQUEST.HEADERS_TOO_LARGE';
    case 429:
      return 'RATE.LIMITED';
    default:
      return `HTTP.${status}`;
  }
}

function httpDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
