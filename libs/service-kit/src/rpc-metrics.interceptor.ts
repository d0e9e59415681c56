import { Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Counter, Histogram } from 'prom-client';
import { tap } from 'rxjs';
import type { Observable } from 'rxjs';
import { DomainError } from '@warden/kernel';
import { LATENCY_BUCKETS, MetricsRegistry } from '@warden/metrics';
import { RPC_NAME_KEY } from './rpc-handler.decorator';

/** `ok`, the kind of a coded failure (`not_found`, `validation`, `conflict`, ...), or `error` for anything else. */
export function rpcOutcome(error?: unknown): string {
  if (error === undefined) return 'ok';
  return error instanceof DomainError ? error.kind : 'error';
}

interface SubjectInstruments {
  handledOk: Counter.Internal;
  duration: Histogram.Internal<'subject'>;
}

/**
 * Counts and times every @RpcHandler call: `warden_rpc_handled_total{subject,outcome}` and
 * `warden_rpc_duration_seconds{subject}`. Labelled by the RpcMap name only (never ids), so the series
 * are a fixed set; the children for a subject are made once and reused.
 */
@Injectable()
export class RpcMetricsInterceptor implements NestInterceptor {
  private readonly handled: Counter<'subject' | 'outcome'>;
  private readonly duration: Histogram<'subject'>;
  private readonly bySubject = new Map<string, SubjectInstruments>();

  constructor(
    private readonly reflector: Reflector,
    metrics: MetricsRegistry,
  ) {
    this.handled = new Counter({
      name: 'warden_rpc_handled_total',
      help: 'Request-reply messages handled, by RPC subject and outcome (ok, the error kind, or error)',
      labelNames: ['subject', 'outcome'],
      registers: [metrics.registry],
    });
    this.duration = new Histogram({
      name: 'warden_rpc_duration_seconds',
      help: 'Time to handle a request-reply message, by RPC subject',
      labelNames: ['subject'],
      buckets: LATENCY_BUCKETS,
      registers: [metrics.registry],
    });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const subject = this.reflector.get<string | undefined>(RPC_NAME_KEY, context.getHandler());
    // Only RpcMap handlers: health pings and other plain patterns stay out of the series.
    if (!subject) return next.handle();
    const instruments = this.instruments(subject);
    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    return next.handle().pipe(
      tap({
        complete: () => {
          instruments.duration.observe(elapsed());
          instruments.handledOk.inc();
        },
        error: (error: unknown) => {
          instruments.duration.observe(elapsed());
          this.handled.inc({ subject, outcome: rpcOutcome(error) });
        },
      }),
    );
  }

  private instruments(subject: string): SubjectInstruments {
    let instruments = this.bySubject.get(subject);
    if (!instruments) {
      instruments = { handledOk: this.handled.labels(subject, 'ok'), duration: this.duration.labels(subject) };
      this.bySubject.set(subject, instruments);
    }
    return instruments;
  }
}
