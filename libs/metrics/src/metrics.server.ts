import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsScrapeAllowed } from './metrics.auth';
import type { MetricsRegistry } from './metrics.registry';

/**
 * `GET /metrics` on a port of its own, for processes that otherwise listen only on NATS: a bare
 * node:http server, so a service needs no HTTP framework to be scraped.
 */
export class MetricsServer {
  private server: Server | null = null;

  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly token?: string,
  ) {}

  /** Starts listening; resolves with the bound port (useful when asked for port 0). */
  async listen(port: number, host?: string): Promise<number> {
    const server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    return this.port!;
  }

  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = request.url?.split('?', 1)[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return void response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    }
    if (!metricsScrapeAllowed(request.headers.authorization, this.token)) {
      return void response.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('Unauthorized\n');
    }
    try {
      const body = await this.metrics.render();
      response.writeHead(200, { 'content-type': this.metrics.contentType }).end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics could not be collected\n');
    }
  }
}
