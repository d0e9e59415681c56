import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { rpcSubject } from '@warden/contracts';
import type { RequestContext, ServiceName } from '@warden/contracts';
import { connectToTestNats, eventually, HttpClient } from '@warden/testing';
import type { HttpResponse } from '@warden/testing';
import { PASSWORD, createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';
import { Stack } from './support/stack';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REPO_ROOT = path.resolve(__dirname, '..');
const GATEWAY_ENTRY = path.join(REPO_ROOT, 'dist/services/gateway/src/main.js');

interface LogRecord {
  level: number;
  service?: string;
  requestId?: string;
  msg?: string;
  req?: { id: string; method: string; url: string; query: Record<string, unknown>; headers: Record<string, string> };
  res?: { statusCode: number; headers: Record<string, string> };
  [key: string]: unknown;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The built gateway as its own process (as `npm start` and the image run it), at LOG_LEVEL=info, with its
 * stdout kept. In-process the log setup cannot be observed: nestjs-pino keeps one logger per process, and
 * the services of the in-process stack create it before the gateway does.
 */
class GatewayProcess {
  private output = '';
  private constructor(
    private readonly child: ChildProcess,
    readonly http: HttpClient,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
  }

  static async start(): Promise<GatewayProcess> {
    if (!existsSync(GATEWAY_ENTRY)) throw new Error(`${GATEWAY_ENTRY} is missing: run the tests with \`npm test\`, which builds first`);
    const port = await freePort();
    const child = spawn(process.execPath, [GATEWAY_ENTRY], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const gateway = new GatewayProcess(child, new HttpClient(`http://127.0.0.1:${port}`));
    try {
      await eventually(
        async () => {
          if (child.exitCode !== null) throw new Error('exited');
          expect((await gateway.http.get('/health/live')).status).toBe(200);
        },
        { timeoutMs: 20_000, intervalMs: 200 },
      );
    } catch (error) {
      await gateway.stop();
      throw new Error(`the gateway process did not start (${String(error)}):\n${gateway.output.slice(-4000)}`);
    }
    return gateway;
  }

  get text(): string {
    return this.output;
  }

  records(): LogRecord[] {
    // The last piece is a line still being written.
    return this.output
      .split('\n')
      .slice(0, -1)
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogRecord);
  }

  /** The request log lines (pino-http's, the ones with `req`) of one request. */
  requestLines(requestId: string): LogRecord[] {
    return this.records().filter((record) => record.req && record.requestId === requestId);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Copies of the bus requests of one RPC as the service receives them (a plain subscriber besides the service's). */
class RpcTap {
  readonly contexts: RequestContext[] = [];
  private constructor(
    private readonly connection: NatsConnection,
    private readonly subscription: Subscription,
  ) {
    void (async () => {
      for await (const message of subscription) this.contexts.push(message.json<{ data: { ctx: RequestContext } }>().data.ctx);
    })();
  }

  static async open(name: string): Promise<RpcTap> {
    // As the service that owns the subject: the only user besides the gateway allowed to subscribe to it.
    const connection = await connectToTestNats(name.split('.')[0] as ServiceName);
    const tap = new RpcTap(connection, connection.subscribe(rpcSubject(name)));
    await connection.flush();
    return tap;
  }

  async close(): Promise<void> {
    this.subscription.unsubscribe();
    await this.connection.close();
  }
}

const requestIdOf = (response: HttpResponse): string | null => response.headers.get('x-request-id');

describe('request id', () => {
  let stack: Stack;
  let tenant: TenantFixture;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'rid');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('gives every response an X-Request-Id: a new UUID per request when none is sent', async () => {
    const first = await stack.http.get('/health/live');
    const second = await stack.http.get('/api/v1/staff');
    expect(first.status).toBe(200);
    expect(requestIdOf(first)).toMatch(UUID);
    expect(second.status).toBe(401);
    expect(requestIdOf(second)).toMatch(UUID);
    expect(requestIdOf(second)).not.toBe(requestIdOf(first));
    expect(second.body.requestId).toBe(requestIdOf(second));
  });

  it('keeps a sane X-Request-Id from the caller: echoed and in the problem document', async () => {
    const id = `trace-${Date.now()}:edge_1.a`;
    const found = await stack.http.request('GET', '/health/live', { headers: { 'x-request-id': id } });
    expect(found.status).toBe(200);
    expect(requestIdOf(found)).toBe(id);

    const uuid = '0b6f2c0e-7a1d-4f51-9a0e-3f1c2d4e5f60';
    const missing = await stack.http.request('GET', '/api/v1/nothing-here', { headers: { 'x-request-id': uuid } });
    expect(missing.status).toBe(404);
    expect(requestIdOf(missing)).toBe(uuid);
    expect(missing.body).toMatchObject({ code: 'ROUTE.NOT_FOUND', requestId: uuid });

    const invalid = await stack.http.post('/api/v1/auth/login', { tenant: tenant.slug }, undefined, { 'x-request-id': 'a'.repeat(128) });
    expect(invalid.status).toBe(422);
    expect(requestIdOf(invalid)).toBe('a'.repeat(128));
    expect(invalid.body).toMatchObject({ code: 'REQUEST.INVALID', requestId: 'a'.repeat(128) });
  });

  it.each([
    ['is 500 characters long', 'a'.repeat(500)],
    ['is 129 characters long', 'a'.repeat(129)],
    ['has spaces', 'my request id'],
    ['has a tab', 'abc\tdef'],
    ['has characters outside ASCII', 'idé'],
    ['could break a log line', '"}{"level":60'],
    ['was sent twice', 'one, two'],
    ['is empty', ''],
  ])('replaces an X-Request-Id that %s with a new UUID, echoed and in the problem document', async (_case, sent) => {
    const response = await stack.http.request('GET', '/api/v1/staff', { headers: { 'x-request-id': sent } });
    expect(response.status).toBe(401);
    expect(requestIdOf(response)).toMatch(UUID);
    expect(response.body.requestId).toBe(requestIdOf(response));
  });

  it('sends the same id to the services in the request context, and puts it into problems they answer', async () => {
    const tap = await RpcTap.open('identity.auth.login');
    try {
      const id = `login-${Date.now()}`;
      const login = { tenant: tenant.slug, email: tenant.adminEmail, password: PASSWORD };
      const accepted = await stack.http.post('/api/v1/auth/login', login, undefined, { 'x-request-id': id });
      expect(accepted.status).toBe(200);
      expect(requestIdOf(accepted)).toBe(id);

      const refused = await stack.http.post('/api/v1/auth/login', { ...login, password: 'not-the-password' });
      expect(refused.status).toBe(401);
      const generated = requestIdOf(refused);
      expect(generated).toMatch(UUID);
      expect(refused.body.requestId).toBe(generated);

      const replaced = await stack.http.post('/api/v1/auth/login', login, undefined, { 'x-request-id': 'no spaces please' });
      expect(replaced.status).toBe(200);
      expect(requestIdOf(replaced)).toMatch(UUID);

      await eventually(() => expect(tap.contexts.map((ctx) => ctx.requestId)).toEqual([id, generated, requestIdOf(replaced)]));
    } finally {
      await tap.close();
    }
  });

  describe('request log of the gateway process', () => {
    let gateway: GatewayProcess;

    beforeAll(async () => {
      gateway = await GatewayProcess.start();
    }, 30_000);

    afterAll(async () => {
      await gateway?.stop();
    });

    /** Waits for the one request line of a request and checks what every request line must say. */
    async function requestLine(requestId: string, method: string, url: string, statusCode: number): Promise<LogRecord> {
      const lines = await eventually(() => {
        const found = gateway.requestLines(requestId);
        expect(found).toHaveLength(1);
        return found;
      });
      const [line] = lines;
      expect(line).toMatchObject({ service: 'gateway', requestId, req: { id: requestId, method, url }, res: { statusCode } });
      expect(line.res?.headers['x-request-id']).toBe(requestId);
      return line;
    }

    it('logs one line per request with its request id, method, path and status', async () => {
      const sent = `log-health-${Date.now()}`;
      const health = await gateway.http.request('GET', '/health/live', { headers: { 'x-request-id': sent } });
      expect(requestIdOf(health)).toBe(sent);
      const line = await requestLine(sent, 'GET', '/health/live', 200);
      expect(line.msg).toBe('request completed');

      const missing = await gateway.http.get('/api/v1/nothing-here?page=2');
      expect(missing.status).toBe(404);
      const generated = requestIdOf(missing)!;
      expect(generated).toMatch(UUID);
      expect(missing.body.requestId).toBe(generated);
      const missingLine = await requestLine(generated, 'GET', '/api/v1/nothing-here', 404);
      expect(missingLine.req?.query).toEqual({ page: '2' });

      const replaced = await gateway.http.request('GET', '/health/live', { headers: { 'x-request-id': 'x'.repeat(500) } });
      await requestLine(requestIdOf(replaced)!, 'GET', '/health/live', 200);
    });

    it('logs requests answered by a service under the same id, and never logs credentials', async () => {
      const bearer = `not-a-token-${Date.now()}`;
      const password = `wrong-password-${Date.now()}`;
      const queryToken = `query-token-${Date.now()}`;

      const staff = await gateway.http.request('GET', '/api/v1/staff', { token: bearer });
      expect(staff.status).toBe(401);
      const staffLine = await requestLine(requestIdOf(staff)!, 'GET', '/api/v1/staff', 401);
      expect(staffLine.req?.headers.authorization).toBe('[Redacted]');

      const login = await gateway.http.post('/api/v1/auth/login', { tenant: tenant.slug, email: tenant.adminEmail, password });
      expect(login.status).toBe(401);
      expect(login.body.requestId).toBe(requestIdOf(login));
      await requestLine(requestIdOf(login)!, 'POST', '/api/v1/auth/login', 401);

      const stream = await gateway.http.get(`/api/v1/realtime?access_token=${queryToken}`);
      expect(stream.status).toBe(401);
      const streamLine = await requestLine(requestIdOf(stream)!, 'GET', '/api/v1/realtime', 401);
      expect(streamLine.req?.query).toEqual({ access_token: '[Redacted]' });

      for (const secret of [bearer, password, queryToken]) expect(gateway.text).not.toContain(secret);
    });

    it('leaves /metrics out of the request log', async () => {
      const sent = `log-metrics-${Date.now()}`;
      const scrape = await gateway.http.request('GET', '/metrics', { headers: { 'x-request-id': sent } });
      expect(scrape.status).toBe(200);
      expect(requestIdOf(scrape)).toBe(sent);
      // A request after the scrape is logged, so the scrape's line would have been written by then.
      const after = await gateway.http.get('/health/live');
      await requestLine(requestIdOf(after)!, 'GET', '/health/live', 200);
      expect(gateway.records().filter((record) => record.requestId === sent)).toEqual([]);
      expect(gateway.records().filter((record) => record.req?.url === '/metrics')).toEqual([]);
    });
  });
});
