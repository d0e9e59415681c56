// The infrastructure `npm run chaos` owns: its own nats-server and its own embedded PostgreSQL (both through
// libs/infra), in a temporary directory, on free ports, so it can SIGKILL and restart them without touching the
// machine's shared servers. Restarts reuse the port and the data directory, as a real crash-and-restart would.
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadInfra } from './services.mjs';

/**
 * How every chaos client connects to NATS: the servers, and a user/password when the server requires them
 * (CHAOS_NATS_USER / CHAOS_NATS_PASSWORD). The one place to adjust when NATS gets authentication.
 */
export function natsConnectOptions(url) {
  const options = { servers: url };
  if (process.env.CHAOS_NATS_USER) {
    options.user = process.env.CHAOS_NATS_USER;
    options.pass = process.env.CHAOS_NATS_PASSWORD ?? '';
  }
  return options;
}

/** The environment variables a service child needs to reach this infrastructure's NATS (see natsConnectOptions). */
export function natsServiceEnv(url) {
  return { NATS_URL: url };
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export class ChaosInfrastructure {
  static async start(log) {
    const dir = await mkdtemp(path.join(tmpdir(), 'warden-chaos-'));
    await chmod(dir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its data directory
    const infra = new ChaosInfrastructure(log, dir);
    try {
      await infra.startNats();
      await infra.startPostgres();
    } catch (error) {
      await infra.stop();
      throw error;
    }
    return infra;
  }

  constructor(log, dir) {
    this.log = log;
    this.dir = dir;
    this.lib = loadInfra();
    this.natsPort = undefined;
    this.pgPort = undefined;
    this.nats = undefined;
    this.postgres = undefined;
  }

  get natsUrl() {
    return `nats://127.0.0.1:${this.natsPort}`;
  }

  /** Superuser URL of the cluster's `postgres` database. */
  get postgresUrl() {
    return this.postgres.url;
  }

  async startNats() {
    const binary = this.lib.findNatsServerBinary();
    if (!binary) throw new Error('nats-server not found (PATH or /usr/sbin); chaos needs its own server');
    this.natsPort ??= await this.lib.findFreePort();
    this.nats = await this.lib.launchNatsServer({ binary, port: this.natsPort, storeDir: path.join(this.dir, 'nats'), log: this.log });
  }

  async startPostgres() {
    const databaseDir = path.join(this.dir, 'postgres');
    // A fresh handle each time: the old one's server is gone. fsync stays on, as in production.
    this.postgres = await this.lib.launchEmbeddedPostgres({ databaseDir, persistent: true, preferredPort: this.pgPort, log: this.log });
    this.pgPort = Number(new URL(this.postgres.url).port);
  }

  /** SIGKILL nats-server; resolves when it is gone. */
  async killNats() {
    const pid = this.nats.pid;
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await wait(50);
  }

  /** SIGKILL the postmaster; resolves when it is gone (its backends notice and leave on their own). */
  async killPostgres() {
    const [pidLine] = (await readFile(path.join(this.dir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n');
    const pid = Number(pidLine);
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await wait(50);
  }

  /** Starts PostgreSQL again on the same port and data (crash recovery); retried while old backends linger. */
  async restartPostgres() {
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        await this.startPostgres();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        this.log(`postgres restart refused (${error.message.split('\n')[0]}); retrying`);
        await wait(500);
      }
    }
  }

  async stop() {
    await this.nats?.stop().catch(() => undefined);
    await this.postgres?.stop().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
