import type { FastifyInstance, FastifyRequest } from 'fastify';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Span } from '@opentelemetry/api';
import { wardenTracer } from '@warden/messaging';

const spans = new WeakMap<FastifyRequest, Span>();

/**
 * One server span per HTTP request (a no-op while tracing is off), continuing the caller's W3C `traceparent`
 * header when it sends one. The route's guards (the permission check), its handler and every NATS request they
 * make run inside that span, so one HTTP request is one trace across the services.
 */
export function installHttpTracing(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const route = request.routeOptions.url ?? 'unmatched';
    const span = wardenTracer().startSpan(
      `${request.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route } },
      parent,
    );
    spans.set(request, span);
    done();
  });
  // Fastify calls the route handler from the last preHandler's callback: entered in the span's context, the
  // handler and all the asynchronous work it starts stay in it.
  fastify.addHook('preHandler', (request, _reply, done) => {
    const span = spans.get(request);
    if (!span) return done();
    context.with(trace.setSpan(context.active(), span), done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const span = spans.get(request);
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    done();
  });
}
