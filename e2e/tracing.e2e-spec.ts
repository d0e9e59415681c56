// Tracing across the bus: with a tracer provider registered (as startTracing does when OTEL_EXPORTER_OTLP_ENDPOINT
// is set; here with an in-memory exporter), a request's trace id reaches the span of the service that handles it,
// carried by the W3C `traceparent` NATS header BusClient sends, and the events that handler writes carry it on
// (CloudEvents `traceparent` extension) to the spans of their consumers. With none registered, nothing is sent.
import { randomUUID } from 'node:crypto';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import pg from 'pg';
import { rpcSubject } from '@warden/contracts';
import type { RpcName } from '@warden/contracts';
import { BusClient, traceHeaders } from '@warden/messaging';
import { databaseInstrumentation } from '@warden/service-kit';
import { createEmployee, createTenant } from './staff.fixtures';
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
    // startTracing registers this instrumentation, which patches `pg` when Node loads it; Jest loads modules its own
    // way, out of the hook's sight, so here the loaded module is patched directly.
    const sql = databaseInstrumentation();
    sql.setTracerProvider(provider);
    sql.getModuleDefinitions().find((definition) => definition.name === 'pg')!.patch!(pg);
    stack = await Stack.start();
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
    throw new Error(
      `no such span among ${exporter
        .getFinishedSpans()
        .map((span) => span.name)
        .join(', ')}`,
    );
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

  it("carries the trace from the handler that wrote an event to the spans of the event's consumers", async () => {
    const tenant = await createTenant(stack, 'trace');
    exporter.reset();
    const employee = await createEmployee(stack, tenant);
    const writer = await finishedSpan((span) => span.name === `handle ${rpcSubject('identity.staff.create')}`);
    // Every service keeping a read model of the staff consumes it; directory and inquiries do at least.
    const groups = (spans: ReadableSpan[]) => spans.map((span) => String(span.attributes['messaging.consumer.group.name']));
    let consumers: ReadableSpan[] = [];
    for (let attempt = 0; attempt < 100; attempt++) {
      // By subject: the consumers of the tenant admin's own employee.created may finish after the reset above.
      consumers = exporter
        .getFinishedSpans()
        .filter(
          (span) => span.name === 'consume identity.employee.created.v1' && span.attributes['cloudevents.event_subject'] === employee.id,
        );
      if (['directory', 'inquiries'].every((service) => groups(consumers).some((group) => group.includes(service)))) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(employee.id).toBeDefined();
    expect(groups(consumers)).toEqual(expect.arrayContaining([expect.stringMatching(/directory/), expect.stringMatching(/inquiries/)]));
    for (const consumer of consumers) {
      expect(consumer.kind).toBe(SpanKind.CONSUMER);
      expect(consumer.spanContext().traceId).toBe(writer.spanContext().traceId);
      expect(consumer.parentSpanContext?.spanId).toBe(writer.spanContext().spanId);
    }
  });

  it('makes one HTTP request through the gateway one trace: HTTP span -> rpc client spans -> service spans', async () => {
    const tenant = await createTenant(stack, 'trace');
    exporter.reset();
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await stack.http.request('GET', '/api/v1/branches', {
      token: tenant.adminToken,
      headers: { traceparent: `00-${callerTrace}-00f067aa0ba902b7-01` },
    });
    expect(response.status).toBe(200);
    const http = await finishedSpan((span) => span.name === 'GET /api/v1/branches');
    expect(http.kind).toBe(SpanKind.SERVER);
    expect(http.spanContext().traceId).toBe(callerTrace);
    expect(http.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(http.attributes['http.response.status_code']).toBe(200);
    const client = await finishedSpan((span) => span.name === 'rpc directory.branches.list');
    const server = await finishedSpan((span) => span.name === `handle ${rpcSubject('directory.branches.list')}`);
    expect(client.parentSpanContext?.spanId).toBe(http.spanContext().spanId);
    expect(server.parentSpanContext?.spanId).toBe(client.spanContext().spanId);
    // Every span of the request, the permission check included, is in the caller's trace.
    const traced = exporter.getFinishedSpans().filter((span) => span.name.startsWith('rpc ') || span.name.startsWith('handle '));
    expect(new Set(traced.map((span) => span.spanContext().traceId))).toEqual(new Set([callerTrace]));
  });

  /** The chain of a span up to its root, by parent span ids, within the spans exported so far. */
  function ancestors(span: ReadableSpan): string[] {
    const byId = new Map(exporter.getFinishedSpans().map((candidate) => [candidate.spanContext().spanId, candidate]));
    const names: string[] = [];
    for (let parent = byId.get(span.parentSpanContext?.spanId ?? ''); parent; parent = byId.get(parent.parentSpanContext?.spanId ?? ''))
      names.push(parent.name);
    return names;
  }

  it('follows one request: gateway -> permissions -> the service -> its SQL -> outbox relay -> the consumers of its event', async () => {
    const tenant = await createTenant(stack, 'trace');
    exporter.reset();
    const employee = await createEmployee(stack, tenant);
    const http = await finishedSpan((span) => span.name === 'POST /api/v1/staff');
    const traceId = http.spanContext().traceId;
    const inTrace = (span: ReadableSpan) => span.spanContext().traceId === traceId;
    await finishedSpan((span) => inTrace(span) && span.name.startsWith('handle ') && span.name.includes('permissions.'));
    const handler = await finishedSpan((span) => inTrace(span) && span.name === `handle ${rpcSubject('identity.staff.create')}`);
    // The INSERT of the person, a span of the handler's (through the transaction the handler runs).
    const insert = await finishedSpan(
      (span) =>
        inTrace(span) &&
        span.name.startsWith('pg.query:INSERT') &&
        String(span.attributes['db.query.text'] ?? span.attributes['db.statement']).includes('persons'),
    );
    expect(insert.attributes['db.system.name'] ?? insert.attributes['db.system']).toBe('postgresql');
    expect(String(insert.attributes['db.query.text'] ?? insert.attributes['db.statement'])).not.toContain(employee.email);
    expect(ancestors(insert)).toContain(handler.name);
    const publish = await finishedSpan((span) => inTrace(span) && span.name === 'publish identity.employee.created.v1');
    expect(publish.kind).toBe(SpanKind.PRODUCER);
    expect(ancestors(publish)).toContain(handler.name);
    const consumer = await finishedSpan((span) => inTrace(span) && span.name === 'consume identity.employee.created.v1');
    expect(ancestors(consumer)).toEqual(expect.arrayContaining([handler.name, http.name]));
    // The consumer's own SQL (its read model and inbox) is in the trace too.
    await finishedSpan((span) => inTrace(span) && span.name.startsWith('pg.query:') && ancestors(span).includes(consumer.name));
  });
});
