import { Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { Observable } from 'rxjs';
import { DomainError } from '@warden/kernel';
import { contextFromHeaders, wardenTracer } from '@warden/messaging';

/**
 * One server span per request-reply message, continuing the caller's trace from the `traceparent` NATS header
 * (BusClient sends it). The handler runs inside the span's context, so its own spans and any request it makes
 * to another service join the same trace. A no-op span while tracing is off.
 */
@Injectable()
export class RpcTracingInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() !== 'rpc') return next.handle();
    const nats = execution.switchToRpc().getContext<NatsContext>();
    const subject = nats.getSubject();
    const parent = contextFromHeaders(nats.getHeaders());
    const span = wardenTracer().startSpan(
      `handle ${subject}`,
      { kind: SpanKind.SERVER, attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject } },
      parent,
    );
    const active = trace.setSpan(parent, span);
    // next.handle() is called inside the context too: Nest binds the handler to the async context it is called in.
    return new Observable((subscriber) =>
      context.with(active, () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof DomainError ? error.code : 'error' });
            span.end();
            subscriber.error(error);
          },
          complete: () => {
            span.end();
            subscriber.complete();
          },
        }),
      ),
    );
  }
}
