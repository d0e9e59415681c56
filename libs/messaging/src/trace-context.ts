import { context, propagation, trace } from '@opentelemetry/api';
import type { Context, TextMapGetter, Tracer } from '@opentelemetry/api';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { MsgHdrs } from '@nats-io/transport-node';

/** The tracer of every warden process; a no-op until a tracer provider is registered (see startTracing in service-kit). */
export function wardenTracer(): Tracer {
  return trace.getTracer('warden');
}

/**
 * NATS headers carrying the trace context (W3C `traceparent`, `tracestate`) of `ctx`, or undefined when there is
 * none to carry: with tracing off no propagator is registered, and requests go out without headers as before.
 */
export function traceHeaders(ctx: Context = context.active()): MsgHdrs | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  const entries = Object.entries(carrier);
  if (entries.length === 0) return undefined;
  const headers = natsHeaders();
  for (const [key, value] of entries) headers.set(key, value);
  return headers;
}

const natsHeaderGetter: TextMapGetter<MsgHdrs | undefined> = {
  get: (carrier, key) => carrier?.get(key) || undefined,
  keys: (carrier) => (carrier ? [...carrier.keys()] : []),
};

/** The trace context a received message's NATS headers carry (the active context when they carry none). */
export function contextFromHeaders(headers: MsgHdrs | undefined): Context {
  return propagation.extract(context.active(), headers, natsHeaderGetter);
}

/**
 * The W3C `traceparent` of the active span, for the CloudEvents distributed-tracing extension of the events a
 * handler writes (so their consumers join its trace); undefined while tracing is off.
 */
export function currentTraceparent(ctx: Context = context.active()): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent;
}

/** The trace context of an event's `traceparent` extension (the active context when it has none). */
export function contextFromTraceparent(traceparent: unknown): Context {
  return typeof traceparent === 'string' ? propagation.extract(context.active(), { traceparent }) : context.active();
}
