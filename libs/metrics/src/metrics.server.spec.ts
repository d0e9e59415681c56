import { Counter } from 'prom-client';
import { MetricsRegistry } from './metrics.registry';
import { MetricsServer } from './metrics.server';

describe('MetricsServer', () => {
  const metrics = new MetricsRegistry('svc');
  new Counter({ name: 'test_served_total', help: 'served', registers: [metrics.registry] }).inc();
  let server: MetricsServer;

  afterEach(async () => {
    await server?.close();
  });

  async function start(token?: string): Promise<string> {
    server = new MetricsServer(metrics, token);
    const port = await server.listen(0, '127.0.0.1');
    expect(server.port).toBe(port);
    return `http://127.0.0.1:${port}`;
  }

  it('serves GET /metrics as Prometheus text', async () => {
    const base = await start();
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(metrics.contentType);
    expect(await response.text()).toContain('test_served_total{service="svc"} 1');
    expect((await fetch(`${base}/metrics?x=1`)).status).toBe(200);
  });

  it('answers 404 for any other path or method', async () => {
    const base = await start();
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/metrics/extra`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
  });

  it('with a token, answers 401 without it and the metrics with it', async () => {
    const token = 'scrape-token-0123456789';
    const base = await start(token);
    const refused = await fetch(`${base}/metrics`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('stops listening when closed, and refuses a port already taken', async () => {
    const base = await start();
    const port = server.port!;
    await expect(new MetricsServer(metrics).listen(port, '127.0.0.1')).rejects.toThrow(/EADDRINUSE/);
    await server.close();
    expect(server.port).toBeUndefined();
    await expect(fetch(`${base}/metrics`)).rejects.toThrow();
  });
});
