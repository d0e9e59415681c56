import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DomainError } from '@warden/kernel';
import type { Decision } from '@warden/contracts';
import { MetricsRegistry } from '@warden/metrics';

/** Where a decision came from: the gateway's cache or a check by the permissions service. */
export type DecisionSource = 'cache' | 'permissions';
type DecisionResult = 'allowed' | 'denied' | 'unavailable' | 'error';

const RESULTS: DecisionResult[] = ['allowed', 'denied', 'unavailable', 'error'];
const SOURCES: DecisionSource[] = ['cache', 'permissions'];

/** `warden_access_decisions_total{result,source}`: eight series, their children made once. */
@Injectable()
export class AccessMetrics {
  private readonly children: Record<DecisionSource, Record<DecisionResult, Counter.Internal>>;

  constructor(metrics: MetricsRegistry) {
    const counter = new Counter({
      name: 'warden_access_decisions_total',
      help: 'Access decisions the gateway made, by result (allowed, denied, unavailable, error) and source (cache, permissions)',
      labelNames: ['result', 'source'],
      registers: [metrics.registry],
    });
    // Every series exists from the start (at 0), so rates and alerts work before the first refusal.
    const children = (source: DecisionSource) =>
      Object.fromEntries(
        RESULTS.map((result) => {
          counter.inc({ result, source }, 0);
          return [result, counter.labels(result, source)];
        }),
      ) as Record<DecisionResult, Counter.Internal>;
    this.children = Object.fromEntries(SOURCES.map((source) => [source, children(source)])) as AccessMetrics['children'];
  }

  decided(source: DecisionSource, decision: Decision): void {
    this.children[source][decision.allowed ? 'allowed' : 'denied'].inc();
  }

  /** No decision: the permissions service did not answer (`unavailable`: the caller gets 503) or failed otherwise. */
  failed(source: DecisionSource, error: unknown): void {
    this.children[source][error instanceof DomainError && error.kind === 'unavailable' ? 'unavailable' : 'error'].inc();
  }
}
