import { collectDefaultMetrics, Registry } from 'prom-client';

/** Latency buckets (seconds) for RPC and HTTP handling: most answers take a few milliseconds. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

let nodeMetrics: Registry | undefined;

/**
 * The Node.js process metrics (CPU, memory, event loop, GC), collected once per process: their
 * collectors install observers that are never removed, and several applications can share a process
 * (the e2e stack runs them all in one).
 */
function processRegistry(): Registry {
  if (!nodeMetrics) {
    nodeMetrics = new Registry();
    collectDefaultMetrics({ register: nodeMetrics });
  }
  return nodeMetrics;
}

/**
 * The metrics of one application (a service or the gateway): its instruments register on `registry`,
 * and every exposed series carries `service=<name>`. One per application rather than per process, so
 * applications sharing a process (tests) keep their counters apart.
 */
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    processRegistry();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text exposition: the process metrics and this application's, all labelled with the service. */
  render(): Promise<string> {
    const merged = Registry.merge([processRegistry(), this.registry]);
    merged.setDefaultLabels({ service: this.service });
    return merged.metrics();
  }
}
