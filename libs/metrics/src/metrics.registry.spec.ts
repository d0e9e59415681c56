import { Counter } from 'prom-client';
import { MetricsRegistry } from './metrics.registry';

describe('MetricsRegistry', () => {
  it('renders the process metrics and its own instruments, every series labelled with the service', async () => {
    const metrics = new MetricsRegistry('orders');
    new Counter({ name: 'test_things_total', help: 'things', labelNames: ['kind'], registers: [metrics.registry] }).inc({ kind: 'a' }, 2);

    const text = await metrics.render();
    expect(metrics.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(text).toContain('test_things_total{kind="a",service="orders"} 2');
    expect(text).toMatch(/^process_cpu_user_seconds_total\{service="orders"\} [\d.e-]+$/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes\{service="orders"\} \d+$/m);
  });

  it('keeps the counters of two applications in one process apart', async () => {
    const [first, second] = [new MetricsRegistry('first'), new MetricsRegistry('second')];
    for (const metrics of [first, second]) new Counter({ name: 'test_calls_total', help: 'calls', registers: [metrics.registry] });
    (first.registry.getSingleMetric('test_calls_total') as Counter).inc(3);

    expect(await first.render()).toContain('test_calls_total{service="first"} 3');
    expect(await second.render()).toContain('test_calls_total{service="second"} 0');
    expect(await second.render()).not.toContain('service="first"');
  });
});
