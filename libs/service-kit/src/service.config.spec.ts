import { loadEnv } from './env.loader';
import { ServiceEnv } from './service.config';

describe('ServiceEnv: metrics settings', () => {
  it('leaves metrics off and open by default, and when the variables are set empty', () => {
    for (const env of [{}, { METRICS_PORT: '', METRICS_TOKEN: '' }]) {
      const config = loadEnv(ServiceEnv, env);
      expect([config.METRICS_PORT, config.METRICS_TOKEN]).toEqual([undefined, undefined]);
    }
  });

  it('reads a port (0 for any free one) and a token', () => {
    expect(loadEnv(ServiceEnv, { METRICS_PORT: '9464' }).METRICS_PORT).toBe(9464);
    expect(loadEnv(ServiceEnv, { METRICS_PORT: '0' }).METRICS_PORT).toBe(0);
    expect(loadEnv(ServiceEnv, { METRICS_TOKEN: 'scrape-token-0123456789' }).METRICS_TOKEN).toBe('scrape-token-0123456789');
  });

  it.each([
    ['a port that is not a number', { METRICS_PORT: 'metrics' }, /METRICS_PORT/],
    ['a port out of range', { METRICS_PORT: '70000' }, /METRICS_PORT: .*65535/],
    ['a token shorter than 16 characters', { METRICS_TOKEN: 'short' }, /METRICS_TOKEN: .*16/],
  ])('refuses to start with %s, naming the variable', (_case, env, message) => {
    expect(() => loadEnv(ServiceEnv, env)).toThrow(message);
  });
});

describe('ServiceEnv: NATS_STREAM_REPLICAS', () => {
  it('is 1 by default (one NATS server) and 3 on a three-node cluster', () => {
    expect(loadEnv(ServiceEnv, {}).NATS_STREAM_REPLICAS).toBe(1);
    expect(loadEnv(ServiceEnv, { NATS_STREAM_REPLICAS: '3' }).NATS_STREAM_REPLICAS).toBe(3);
  });

  it.each([['0'], ['6'], ['three']])('refuses %s, naming the variable', (value) => {
    expect(() => loadEnv(ServiceEnv, { NATS_STREAM_REPLICAS: value })).toThrow(/NATS_STREAM_REPLICAS/);
  });
});

describe('ServiceEnv: DATABASE_POOL_SIZE', () => {
  it('is 10 by default and smaller where many replicas share one database', () => {
    expect(loadEnv(ServiceEnv, {}).DATABASE_POOL_SIZE).toBe(10);
    expect(loadEnv(ServiceEnv, { DATABASE_POOL_SIZE: '4' }).DATABASE_POOL_SIZE).toBe(4);
  });

  it.each([['0'], ['101'], ['many']])('refuses %s, naming the variable', (value) => {
    expect(() => loadEnv(ServiceEnv, { DATABASE_POOL_SIZE: value })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
