import { Writable } from 'node:stream';
import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import pino from 'pino';
import { loggerParams, traceLogFields } from './logging.params';

/** Log lines written by a pino logger set up as every process sets it up (loggerParams). */
function capturingLogger(): { logger: pino.Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  const { level, base, mixin } = loggerParams('directory', 'info').pinoHttp as pino.LoggerOptions;
  return { logger: pino({ level, base, mixin }, sink), lines };
}

describe('log lines and traces', () => {
  it('carry no trace ids while tracing is off', () => {
    const { logger, lines } = capturingLogger();
    trace.getTracer('test').startActiveSpan('untraced', (span) => {
      logger.info('hello');
      span.end();
    });
    expect(lines[0]).not.toHaveProperty('traceId');
    expect(traceLogFields()).toEqual({});
  });

  describe('with tracing on', () => {
    let provider: NodeTracerProvider;
    beforeAll(() => {
      provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new InMemorySpanExporter())] });
      provider.register();
    });
    afterAll(async () => {
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    });

    it('carry the trace and span id of the active span, and none outside a span', () => {
      const { logger, lines } = capturingLogger();
      logger.info('outside');
      const ids = trace.getTracer('test').startActiveSpan('traced', (span) => {
        logger.info('inside');
        span.end();
        return span.spanContext();
      });
      expect(lines[0]).not.toHaveProperty('traceId');
      expect(lines[1]).toMatchObject({ service: 'directory', msg: 'inside', traceId: ids.traceId, spanId: ids.spanId });
    });
  });
});
