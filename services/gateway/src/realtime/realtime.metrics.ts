import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from '@warden/metrics';
import { RealtimeHub } from './realtime.hub';

/** `warden_realtime_connections`: the open realtime streams of this gateway, read from the hub at scrape time. */
@Injectable()
export class RealtimeMetrics {
  constructor(hub: RealtimeHub, metrics: MetricsRegistry) {
    const connections: Gauge = new Gauge({
      name: 'warden_realtime_connections',
      help: 'Open realtime (Server-Sent Events) streams on this gateway',
      registers: [metrics.registry],
      collect: () => connections.set(hub.size),
    });
  }
}
