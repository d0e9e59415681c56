import { connect, createServer } from 'node:net';

/** True when something accepts a TCP connection on host:port within `timeoutMs`. */
export function isPortOpen(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * True when a NATS server answers on host:port: it greets every new connection with an `INFO {...}` line.
 * Stronger than a TCP connect, which a proxy or an unrelated program on the port would also accept.
 */
export function isNatsAnswering(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let received = '';
    const done = (answering: boolean): void => {
      socket.destroy();
      resolve(answering);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.length >= 5) done(received.startsWith('INFO '));
    });
    socket.once('end', () => done(false));
  });
}

export interface WaitForPortOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Polled between attempts; a returned message aborts the wait (e.g. "the server process exited"). */
  abortReason?: () => string | undefined;
}

export async function waitForPort(host: string, port: number, options: WaitForPortOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await isPortOpen(host, port, 250)) return;
    const reason = options.abortReason?.();
    if (reason) throw new Error(reason);
    if (Date.now() > deadline) throw new Error(`nothing accepted connections on ${host}:${port} within ${options.timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}

function tryListen(host: string, port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen({ host, port, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * Where ports are looked for: below Linux's ephemeral range (32768 and up), from which the kernel hands out the
 * local ports of outgoing connections. A server stopped and started again on its port (a NATS or PostgreSQL
 * outage in a test, a supervisor's restart) could otherwise find it taken by some client's connection meanwhile.
 */
const QUIET_PORTS = { from: 20_000, count: 12_000 };

/**
 * `preferred` when it is free on `host`, otherwise a free port below the ephemeral range (a few random tries), or
 * one the OS hands out. Another process may still take it before the caller binds it; for a developer machine and
 * the test lanes, whose own listeners take ports the OS hands out, that race is acceptable.
 */
export async function findFreePort(preferred?: number, host = '127.0.0.1'): Promise<number> {
  if (preferred !== undefined && (await tryListen(host, preferred)) === preferred) return preferred;
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = QUIET_PORTS.from + Math.floor(Math.random() * QUIET_PORTS.count);
    if ((await tryListen(host, candidate)) === candidate) return candidate;
  }
  const port = await tryListen(host, 0);
  if (port === undefined) throw new Error(`could not find a free TCP port on ${host}`);
  return port;
}
