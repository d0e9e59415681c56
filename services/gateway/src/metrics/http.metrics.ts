import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { Counter, Histogram } from 'prom-client';
import { LATENCY_BUCKETS, MetricsRegistry } from '@warden/metrics';

/** The route label of a request that matched no route: its raw URL would make a series per URL tried. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * `warden_http_requests_total{method,route,status}` and `warden_http_request_duration_seconds{method,route}`,
 * recorded by a Fastify onResponse hook for every request. `route` is the route template
 * (`/api/v1/orders/:id`), never the URL, so ids never become labels.
 */
@Injectable()
export class HttpMetrics implements OnModuleInit {
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly duration: Histogram<'method' | 'route'>;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    metrics: MetricsRegistry,
  ) {
    const registers = [metrics.registry];
    this.requests = new Counter({
      name: 'warden_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.duration = new Histogram({
      name: 'warden_http_request_duration_seconds',
      help: 'Time from receiving an HTTP request to sending its response, by method and route template',
      labelNames: ['method', 'route'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
  }

  /** Runs before the server is ready, when Fastify still takes hooks; they apply to every route. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
      this.requests.inc({ method: request.method, route, status: reply.statusCode });
      this.duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
      done();
    });
  }
}
