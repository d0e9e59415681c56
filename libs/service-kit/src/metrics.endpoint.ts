import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { MetricsRegistry, MetricsServer } from '@warden/metrics';
import { SERVICE_ENV } from './service.config';
import type { ServiceEnv } from './service.config';

/**
 * `GET /metrics` of a service on METRICS_PORT, a port of its own (services otherwise listen only on
 * NATS). Off when METRICS_PORT is unset, so several services can run on one host without ports.
 */
@Injectable()
export class MetricsEndpoint implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsEndpoint.name);
  private readonly server: MetricsServer;

  constructor(
    metrics: MetricsRegistry,
    @Inject(SERVICE_ENV) private readonly env: ServiceEnv,
  ) {
    this.server = new MetricsServer(metrics, env.METRICS_TOKEN);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.env.METRICS_PORT === undefined) return;
    const port = await this.server.listen(this.env.METRICS_PORT);
    this.logger.log(`Metrics on :${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server.close();
  }

  /** The bound port, or undefined when metrics are off (METRICS_PORT=0 binds a free one). */
  get port(): number | undefined {
    return this.server.port;
  }
}
