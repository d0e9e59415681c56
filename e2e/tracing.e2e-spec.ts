// Tracing across the bus: with a tracer provider registered (as startTracing does when OTEL_EXPORTER_OTLP_ENDPOINT
// is set; here with an in-memory exporter), a request's trace id reaches the span of the service that handles it,
// carried by the W3C `traceparent` NATS header BusClient sends. With none registered, no header is sent.
import { randomUUID } from 'node:crypto';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { rpcSubject } from '@warden/contracts';
import type { RpcName } from '@warden/contracts';
import { DIRECTORY_SERVICE } from '@warden/directory';
import { BusClient, traceHeaders } from '@warden/messaging';
import { Stack } from './support/stack';

/** The health RPC every service answers (not part of the typed RPC map, hence the casts). */
const HEALTH = 'directory.health' as RpcName;

describe('tracing off (no tracer provider registered)', () => {
  it('sends no trace headers', () => {
    expect(traceHeaders()).toBeUndefined();
  });
});

describe('tracing on: a trace crosses NATS into the service', () => {
  const exporter = new InMemorySpanExporter();
  let provider: NodeTracerProvider;
  let stack: Stack;

  beforeAll(async () => {
    provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    provider.register();
    stack = await Stack.start({ services: [DIRECTORY_SERVICE] });
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    await provider?.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });

  beforeEach(() => exporter.reset());

  async function finishedSpan(predicate: (span: ReadableSpan) => boolean): Promise<ReadableSpan> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const found = exporter.getFinishedSpans().find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no such span among ${exporter.getFinishedSpans().map((span) => span.name).join(', ')}`);
  }

  const ctx = () => ({ tenantId: '', actorId: null, requestId: randomUUID() });

  it("puts the caller's trace context in a W3C traceparent header", () => {
    trace.getTracer('test').startActiveSpan('caller', (span) => {
      const header = traceHeaders()?.get('traceparent');
      expect(header).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
      span.end();
    });
  });

  it("continues the caller's trace in the service's span: caller -> rpc client span -> service handler span", async () => {
    const bus = stack.gateway.get(BusClient);
    const caller = await trace.getTracer('test').startActiveSpan('caller', async (span) => {
      await bus.request(HEALTH, ctx() as never, {} as never);
      span.end();
      return span.spanContext();
    });
    const client = await finishedSpan((span) => span.name === `rpc ${HEALTH}`);
    const server = await finishedSpan((span) => span.name === `handle ${rpcSubject(HEALTH)}`);
    expect(client.kind).toBe(SpanKind.CLIENT);
    expect(client.spanContext().traceId).toBe(caller.traceId);
    expect(client.parentSpanContext?.spanId).toBe(caller.spanId);
    expect(server.kind).toBe(SpanKind.SERVER);
    expect(server.spanContext().traceId).toBe(caller.traceId);
    expect(server.parentSpanContext?.spanId).toBe(client.spanContext().spanId);
    expect(server.parentSpanContext?.isRemote).toBe(true);
  });

  it('starts a new trace for a request made outside any span, still shared by client and service', async () => {
    await stack.gateway.get(BusClient).request(HEALTH, ctx() as never, {} as never);
    const client = await finishedSpan((span) => span.name === `rpc ${HEALTH}`);
    const server = await finishedSpan((span) => span.name === `handle ${rpcSubject(HEALTH)}`);
    expect(client.parentSpanContext).toBeUndefined();
    expect(server.spanContext().traceId).toBe(client.spanContext().traceId);
  });
});
