import { context, propagation, trace } from '@opentelemetry/api';
import { startTracing } from './tracing.bootstrap';

describe('startTracing', () => {
  afterEach(() => {
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it('stays off without an OTLP endpoint: spans are no-ops', () => {
    expect(startTracing('directory', {})).toBeUndefined();
    const span = trace.getTracer('test').startSpan('nothing');
    expect(span.isRecording()).toBe(false);
    span.end();
  });

  it.each([['OTEL_EXPORTER_OTLP_ENDPOINT'], ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']])(
    'is on with %s: spans record, W3C context propagates',
    async (variable) => {
      const flush = startTracing('directory', { [variable]: 'http://127.0.0.1:1' });
      expect(flush).toBeInstanceOf(Function);
      const span = trace.getTracer('test').startSpan('something');
      expect(span.isRecording()).toBe(true);
      const carrier: Record<string, string> = {};
      propagation.inject(trace.setSpan(context.active(), span), carrier);
      expect(carrier.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      await flush!(); // before the span ends: nothing is sent to the unreachable collector
    },
  );
});
