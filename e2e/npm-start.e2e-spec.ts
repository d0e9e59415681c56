import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { eventually } from '@warden/testing';

const REPO = path.resolve(__dirname, '..');
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * A free port whose next port is free too (two gateways listen on PORT and PORT+1), below the ephemeral range
 * (32768 and up on Linux): a port the kernel hands out for outgoing connections — the other test lane's, say —
 * can be taken between this check and the gateway's listen, and then stays taken.
 */
async function freePortPair(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if ((await isFree(port)) && (await isFree(port + 1))) return port;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port }, () => server.close(() => resolve(true)));
  });
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `npm start` as a user runs it (tools/start.mjs), on this test run's database and NATS namespace. */
class NpmStart {
  readonly lines: string[] = [];
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(
    readonly port: number,
    args: string[] = [],
  ) {
    this.process = spawn(process.execPath, [path.join(REPO, 'tools/start.mjs'), ...args], {
      cwd: REPO,
      env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.process.stdout!, this.process.stderr!]) {
      let rest = '';
      stream.on('data', (chunk: Buffer) => {
        const text = rest + chunk.toString('utf8');
        const parts = text.split('\n');
        rest = parts.pop() ?? '';
        this.lines.push(...parts.map((line) => line.replace(ANSI, '')));
      });
    }
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
  }

  /** Pids the supervisor reported for a service or replica, oldest first ("workflow started (pid 123)", "workflow-2 started ..."). */
  pids(service?: string): number[] {
    const pattern = new RegExp(`\\| (${service ?? '[a-z]+(?:-\\d+)?'}) started \\(pid (\\d+)\\)`);
    return this.lines
      .map((line) => pattern.exec(line))
      .filter((match) => match !== null)
      .map((match) => Number(match![2]));
  }

  async waitFor(pattern: RegExp, timeoutMs: number): Promise<string> {
    return eventually(
      () => {
        const line = this.lines.find((candidate) => pattern.test(candidate));
        if (!line) throw new Error(`no line matching ${pattern} yet; last lines:\n${this.lines.slice(-15).join('\n')}`);
        return line;
      },
      { timeoutMs, intervalMs: 200 },
    );
  }

  url(pathname: string, port = this.port): string {
    return `http://127.0.0.1:${port}${pathname}`;
  }
}

async function demoToken(start: NpmStart, port = start.port): Promise<string> {
  const response = await fetch(start.url('/api/v1/auth/login', port), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'demo', email: 'admin@demo.local', password: 'demo-admin-password' }),
  });
  if (response.status !== 200) throw new Error(`login: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function workflowsAnswer(start: NpmStart, token: string, port = start.port): Promise<void> {
  const response = await fetch(start.url('/api/v1/workflows', port), { headers: { authorization: `Bearer ${token}` } }).catch(
    () => undefined,
  );
  if (response?.status !== 200) throw new Error(`GET /workflows: ${response?.status ?? 'no answer'}`);
}

describe('npm start', () => {
  let start: NpmStart | undefined;

  afterAll(async () => {
    if (start && start.process.exitCode === null) {
      start.process.kill('SIGINT');
      await start.exited;
    }
    for (const pid of start?.pids() ?? []) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  });

  it('runs two of every process with --replicas 2, restarts a killed service while the others keep running, and Ctrl-C stops everything', async () => {
    const port = await freePortPair();
    start = new NpmStart(port, ['--replicas', '2']);
    await start.waitFor(/warden is running/, 120_000);
    expect(await start.waitFor(/gateway {3}http:\/\/localhost:\d+\/api\/v1/, 1000)).toContain(`http://localhost:${port + 1}/api/v1`);
    for (const service of ['gateway', 'identity', 'permissions', 'directory', 'workflow', 'inquiries', 'integrations']) {
      expect([start.pids(service).length, start.pids(`${service}-2`).length]).toEqual([1, 1]);
    }
    let token = await demoToken(start);
    await workflowsAnswer(start, token);
    // One session, either gateway; and a sign-in through the second gateway works on the first.
    await workflowsAnswer(start, token, port + 1);
    await workflowsAnswer(start, await demoToken(start, port + 1), port);

    // No SMTP_URL: a ticket's email lands in the local sink as an .eml file, with one line printed for it.
    const email = `client-${Date.now()}@example.test`;
    const post = (route: string, body: unknown) =>
      fetch(start!.url(route), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const contact = (await (await post('/api/v1/contacts', { lastName: 'Client', firstName: 'Ann', email })).json()) as { id: string };
    expect((await post('/api/v1/orders', { title: 'Printer jams', clientContactId: contact.id })).status).toBe(201);
    await start.waitFor(
      new RegExp(`mail +\\| to ${email.replace(/\./g, '\\.')}: .*Ticket #\\d+ received: Printer jams +\\(\\.data/mail/.+\\.eml\\)`),
      30_000,
    );

    // A service killed outright: started again, the rest untouched.
    const [workflow] = start.pids('workflow');
    const othersBefore = start.pids().filter((pid) => pid !== workflow);
    process.kill(workflow, 'SIGKILL');
    await start.waitFor(/workflow exited \(signal SIGKILL\); restarting in \d+ ms/, 10_000);
    await start.waitFor(/workflow started \(pid \d+\), restart 1/, 10_000);
    await eventually(() => workflowsAnswer(start!, token), { timeoutMs: 30_000, intervalMs: 250 });
    expect(othersBefore.every(isAlive)).toBe(true);

    // The gateway too.
    const [gateway] = start.pids('gateway');
    process.kill(gateway, 'SIGKILL');
    await start.waitFor(/gateway started \(pid \d+\), restart 1/, 10_000);
    token = await eventually(() => demoToken(start!), { timeoutMs: 30_000, intervalMs: 250 });
    await eventually(() => workflowsAnswer(start!, token), { timeoutMs: 30_000, intervalMs: 250 });
    expect(start.lines.some((line) => /stopping everything/.test(line))).toBe(false);

    // Ctrl-C: every service stops and the tool exits.
    start.process.kill('SIGINT');
    await start.exited;
    const pids = start.pids();
    expect(pids.length).toBeGreaterThanOrEqual(8); // six services, two of them started twice
    expect(pids).toHaveLength(16); // fourteen processes, two of them started twice
    await eventually(() => expect(pids.filter(isAlive)).toEqual([]), { timeoutMs: 15_000, intervalMs: 200 });
    expect((await fetch(start.url('/health/live')).catch(() => undefined))?.status).toBeUndefined();
    expect((await fetch(start.url('/health/live', port + 1)).catch(() => undefined))?.status).toBeUndefined();
  }, 240_000);
});
