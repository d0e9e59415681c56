import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@warden/kernel';
import { metricsScrapeAllowed, MetricsRegistry } from '@warden/metrics';
import { Public } from '../auth/route-metadata';
import { GATEWAY_ENV } from '../config/gateway.env';
import type { GatewayEnv } from '../config/gateway.env';

/** The gateway's Prometheus metrics, on its own HTTP port: for operators, not part of the API document. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {}

  @Get()
  @Public('scraped by Prometheus; with METRICS_TOKEN set it requires that token as a bearer token, and production serves it only then')
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    // Open metrics on the public port would tell anyone the traffic and the versions running; the internal
    // METRICS_PORT (MetricsEndpoint) is where a cluster scrapes without a token.
    if (this.env.NODE_ENV === 'production' && !this.env.METRICS_TOKEN) {
      throw new DomainError('ROUTE.NOT_FOUND', 'not_found', 'Cannot GET /metrics');
    }
    if (!metricsScrapeAllowed(authorization, this.env.METRICS_TOKEN)) {
      throw new DomainError(
        'METRICS.TOKEN_INVALID',
        'unauthorized',
        'Reading the metrics needs the metrics token: Authorization: Bearer <token>',
      );
    }
    void reply.header('content-type', this.metrics.contentType);
    return this.metrics.render();
  }
}
