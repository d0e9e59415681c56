import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * Turns tracing on when an OTLP endpoint is configured (the standard OTEL_EXPORTER_OTLP_ENDPOINT, or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT): spans go in batches over OTLP/HTTP (protobuf) to that collector, the trace
 * context follows the async calls of a request (AsyncLocalStorage) and crosses NATS as W3C `traceparent` headers.
 * SQL statements get spans of their own (databaseInstrumentation). Without an endpoint nothing is registered and
 * every span is a no-op. Returns a flush for shutdown, if on.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): (() => Promise<void>) | undefined {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return undefined;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? `warden-${service}` }),
    // The exporter reads the endpoint, headers and timeout from the standard OTEL_EXPORTER_OTLP_* variables.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  registerInstrumentations({ tracerProvider: provider, instrumentations: [databaseInstrumentation()] });
  return () => provider.shutdown();
}

/**
 * A span per SQL statement (`pg` client queries, the statement text without its values), but only inside traced
 * work — a request, an RPC, an event — so the pollers' own queries (outbox relay, webhook workers) make none.
 * It patches `pg` when it is loaded, which TypeORM does at start-up, after startTracing ran.
 */
export function databaseInstrumentation(): PgInstrumentation {
  return new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true });
}
