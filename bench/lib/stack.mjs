// The benchmark's own copy of the product: its own database and NATS subject namespace on the discovered
// infrastructure (so a running `npm start` or `npm test` is untouched), the five services and TWO gateways
// (decision cache on / off) as separate processes, as tools/start.mjs runs them. stop() undoes all of it.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { build } from '../../tools/build.mjs';
import { assertBuilt, backendServices, loadInfra, runMigrations, say, spawnService, stopChild } from '../../tools/lib/services.mjs';

const require = createRequire(import.meta.url);
const READY_TIMEOUT_MS = 60_000;

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(baseUrl, isAborted) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (isAborted()) throw new Error('a process exited while waiting for the gateways');
    try {
      const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(3000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status} ${await response.text()}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${baseUrl} was not ready within ${READY_TIMEOUT_MS / 1000} s: ${last}`);
}

export class BenchStack {
  children = new Map(); // name -> child process
  extraChildren = []; // processes the bench starts besides the product (the echo responder)
  infra;
  adminUrl; // the discovered server, for CREATE/DROP DATABASE
  databaseUrl;
  natsUrl;
  database;
  prefix;
  env;
  gateways = {}; // { cached: baseUrl, uncached: baseUrl }
  failure = null; // set when a process dies under the bench
  stopped = false;

  /** `env`: settings for every process of this copy only (a bench comparing two copies side by side). */
  constructor({ env = {} } = {}) {
    this.extraEnv = env;
  }

  async start() {
    say('bench', 'building');
    await build({ quiet: true });
    const backends = backendServices();
    assertBuilt([...backends, 'gateway']);
    const infraLib = loadInfra();
    this.infraLib = infraLib;
    const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
    this.database = `warden_bench_${runId}`;
    this.prefix = `bench_${runId}`;
    // The prefix first: a nats-server started for the bench gets users and permissions for it.
    this.infra = await infraLib.discoverInfrastructure({
      purpose: 'test',
      log: (message) => say('infra', message),
      env: { ...process.env, NATS_SUBJECT_PREFIX: this.prefix },
    });
    this.adminUrl = this.infra.databaseUrl;
    await infraLib.createDatabaseIfMissing(this.adminUrl, this.database);
    this.databaseUrl = infraLib.withDatabase(this.adminUrl, this.database);
    this.natsUrl = this.infra.natsUrl;
    say('bench', `database ${this.database}, NATS ${this.natsUrl}, subject prefix ${this.prefix}`);

    this.env = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: this.databaseUrl,
      NATS_URL: this.natsUrl,
      NATS_SUBJECT_PREFIX: this.prefix,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      ACCESS_TOKEN_TTL_SECONDS: '3600', // the tokens seeded at the start must outlive the run
      ...this.extraEnv,
    };
    delete this.env.PORT;
    // Each process connects as its own NATS user from this file (see tools/test.mjs).
    if (this.infra.natsCredentialsFile) this.env.NATS_CREDENTIALS_FILE = this.infra.natsCredentialsFile;
    delete this.env.DECISION_CACHE;

    say('bench', 'migrating');
    await runMigrations(backends, this.env, { track: (child) => this.#track('migration', child, false) });
    for (const service of backends) this.#track(service, spawnService(service, [], this.env));
    for (const [name, cache] of [
      ['cached', 'on'],
      ['uncached', 'off'],
    ]) {
      const port = await freePort();
      const env = { ...this.env, PORT: String(port), HOST: '127.0.0.1', DECISION_CACHE: cache, BENCH_ROUTES: 'on' };
      this.#track(`gateway-${name}`, spawnService('gateway', [], env));
      this.gateways[name] = `http://127.0.0.1:${port}`;
    }
    await Promise.all(Object.values(this.gateways).map((url) => waitUntilReady(url, () => this.failure !== null)));
    say('bench', `gateways ready: cache on ${this.gateways.cached}, cache off ${this.gateways.uncached}`);
  }

  /** Fails the run (rather than measuring a dead stack) when a process exits under it. */
  #track(name, child, watch = true) {
    this.children.set(name, child);
    child.once('exit', (code, signal) => {
      this.children.delete(name);
      if (watch && !this.stopped) this.failure ??= new Error(`${name} exited during the bench (${signal ?? `exit code ${code}`})`);
    });
  }

  pid(name) {
    return this.children.get(name)?.pid;
  }

  assertHealthy() {
    if (this.failure) throw this.failure;
  }

  trackExtra(child) {
    this.extraChildren.push(child);
  }

  /** Gateways first, then the services, then what the bench created; every step even if another failed. */
  stop() {
    // One clean-up however many callers (a signal and the failing main both ask): all wait for the same one.
    this.stopping ??= this.#stop();
    return this.stopping;
  }

  async #stop() {
    this.stopped = true;
    const step = async (what, fn) => {
      try {
        await fn();
      } catch (error) {
        say('bench', `clean-up: could not ${what}: ${error.message}`);
      }
    };
    for (const child of this.extraChildren) await step('stop the echo responder', () => stopChild(child, 3000));
    const gateways = [...this.children.entries()].filter(([name]) => name.startsWith('gateway'));
    await Promise.all(gateways.map(([, child]) => step('stop a gateway', () => stopChild(child, 5000))));
    await Promise.all([...this.children.values()].map((child) => step('stop a service', () => stopChild(child, 5000))));
    if (this.database) {
      await step(`drop database ${this.database}`, async () => {
        const { Client } = require('pg');
        const admin = new Client({ connectionString: this.adminUrl });
        await admin.connect();
        try {
          await admin.query(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`);
        } finally {
          await admin.end();
        }
      });
    }
    if (this.prefix && this.natsUrl && !this.infra?.natsCredentialsFile) {
      await step('delete the event stream', async () => {
        const { connect } = require('@nats-io/transport-node');
        const { jetstreamManager } = require('@nats-io/jetstream');
        const auth = process.env.NATS_USER ? { user: process.env.NATS_USER, pass: process.env.NATS_PASSWORD } : {};
        const connection = await connect({ servers: this.natsUrl, ...auth });
        try {
          const manager = await jetstreamManager(connection);
          await manager.streams.delete(`WARDEN_EVENTS_${this.prefix}`).catch((error) => {
            if (!/not found/i.test(error.message)) throw error;
          });
          await manager.streams.delete(`KV_WARDEN_IDEMPOTENCY_${this.prefix}`).catch(() => undefined); // the gateway's idempotency keys
        } finally {
          await connection.close();
        }
      });
    }
    if (this.infra) await step('stop the infrastructure', () => this.infra.stop());
    say('bench', `cleaned up (database ${this.database} dropped, stream WARDEN_EVENTS_${this.prefix} deleted)`);
  }

  /**
   * Runs a bench's main against this stack and exits: the stack is stopped (database dropped, stream deleted)
   * after main, on failure and on Ctrl-C; children are killed if the process exits any other way.
   */
  run(main, log) {
    const finish = async (code, reason) => {
      if (reason) log(reason);
      await this.stop();
      process.exit(code);
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void finish(130, `${signal}: stopping`));
    process.on('exit', () => this.killAll());
    main().then(
      () => finish(0),
      (error) => finish(1, `failed: ${error.stack ?? error.message}`),
    );
  }

  /** Last resort when the bench process itself is exiting: no child outlives it. */
  killAll() {
    for (const child of [...this.children.values(), ...this.extraChildren]) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}
