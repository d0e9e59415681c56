import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isContainerRuntimeAvailable } from './container-runtime.probe';
import { createDatabaseIfMissing, withDatabase } from './database.admin';
import { launchEmbeddedPostgres } from './embedded-postgres.launcher';
import { natsEndpoints, resolveDatabaseUrl } from './infrastructure.env';
import { loadOrCreateNatsCredentials, renderNatsAuthConfigWith } from './nats-auth.config';
import type {
  DiscoverInfrastructureOptions,
  Infrastructure,
  InfrastructureLog,
  InfrastructurePurpose,
  StartedResource,
} from './infrastructure.types';
import { findNatsServerBinary, launchNatsServer } from './nats-server.launcher';
import { findFreePort, isNatsAnswering, isPortOpen } from './port.probe';
import { startNatsContainer, startPostgresContainer } from './test-containers.launcher';

/** The database `npm start` creates in its embedded cluster. */
export const START_DATABASE_NAME = 'warden';
/** Preferred port of the embedded cluster: off 5432, so it does not collide with a system PostgreSQL. */
export const EMBEDDED_POSTGRES_PORT = 54329;
/** A local PostgreSQL for tests (the CI image's cluster): trust authentication, superuser. */
export const LOCAL_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The nearest directory above `from` holding package.json and tsconfig.base.json (the monorepo root). */
export function findRepoRoot(from: string = process.cwd()): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'tsconfig.base.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from);
  }
}

const defaultLog: InfrastructureLog = (message) => process.stderr.write(`[infra] ${message}\n`);

interface Context {
  purpose: InfrastructurePurpose;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  log: InfrastructureLog;
  /** Everything started so far, in start order; stop() walks it backwards. */
  started: StartedResource[];
}

/** A temporary directory the `postgres` user can enter too (mkdtemp creates 0700 directories owned by us). */
async function temporaryDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}

async function discoverDatabase(context: Context): Promise<string> {
  const { purpose, log, started } = context;
  const configured = resolveDatabaseUrl(context.env);
  if (configured) return configured;

  if (purpose === 'start') {
    const cluster = await launchEmbeddedPostgres({
      databaseDir: path.join(context.dataDir, 'postgres'),
      persistent: true,
      preferredPort: EMBEDDED_POSTGRES_PORT,
      log,
    });
    if (cluster.startedHere) started.push({ description: 'embedded PostgreSQL', stop: cluster.stop });
    if (await createDatabaseIfMissing(cluster.url, START_DATABASE_NAME)) log(`created database ${START_DATABASE_NAME}`);
    return withDatabase(cluster.url, START_DATABASE_NAME);
  }

  if (await isPortOpen('127.0.0.1', 5432)) {
    log(`using the PostgreSQL on 127.0.0.1:5432`);
    return LOCAL_TEST_DATABASE_URL;
  }
  if (await isContainerRuntimeAvailable()) {
    const container = await startPostgresContainer(log);
    started.push({ description: 'PostgreSQL container', stop: container.stop });
    return container.url;
  }
  const databaseDir = await temporaryDir('warden-test-pg-');
  // Registered before launching so that a failed start still removes the directory.
  started.push({
    description: `temporary directory ${databaseDir}`,
    housekeeping: true,
    stop: () => rm(databaseDir, { recursive: true, force: true }),
  });
  const cluster = await launchEmbeddedPostgres({ databaseDir, persistent: false, unsafeFast: true, log });
  started.push({ description: 'embedded PostgreSQL', stop: cluster.stop });
  return cluster.url;
}

function natsMissingError(): Error {
  return new Error(
    'NATS_URL is not set and no nats-server binary was found (searched PATH and /usr/sbin). ' +
      'Get one with `apt-get install nats-server` (Debian package nats-server), ' +
      'or point NATS_URL at a running server (with NATS_USER / NATS_PASSWORD).',
  );
}

/** Preferred port of the nats-server `npm start` runs: off 4222, so it does not collide with a system NATS. */
export const STARTED_NATS_PORT = 4223;

interface DiscoveredNats {
  url: string;
  credentialsFile?: string;
}

/**
 * NATS_URL: that server, credentials from the environment. Without it, a nats-server of our own with the bus's
 * users and permissions (renderNatsAuthConfig), never whatever open server answers on 4222: the services would
 * run without authorization, and the tests would prove nothing about it.
 */
async function discoverNats(context: Context): Promise<DiscoveredNats> {
  const { purpose, log, started } = context;
  const configured = context.env.NATS_URL?.trim();
  if (configured) {
    const answers = await Promise.all(natsEndpoints(configured).map(({ host, port }) => isNatsAnswering(host, port)));
    if (answers.some(Boolean)) return { url: configured };
    throw new Error(`No NATS server answers at ${configured} (NATS_URL); unset it to have a nats-server started here`);
  }

  const prefix = context.env.NATS_SUBJECT_PREFIX?.trim() ?? '';
  const binary = findNatsServerBinary(context.env);
  // `start` keeps store and passwords in .data/; tests use a fresh directory and a free port per run.
  const dir = purpose === 'start' ? context.dataDir : await temporaryDir('warden-test-nats-');
  if (purpose === 'test') {
    started.push({ description: `temporary directory ${dir}`, housekeeping: true, stop: () => rm(dir, { recursive: true, force: true }) });
  }
  const credentialsFile = path.join(dir, 'nats-credentials.json');
  const config = renderNatsAuthConfigWith(prefix, await loadOrCreateNatsCredentials(credentialsFile));

  if (binary) {
    const configFile = path.join(dir, 'nats-server.conf');
    await writeFile(configFile, config, { mode: 0o600 });
    const port = await findFreePort(purpose === 'start' ? STARTED_NATS_PORT : undefined);
    const server = await launchNatsServer({ binary, port, storeDir: path.join(dir, 'nats'), configFile, log });
    started.push({ description: 'nats-server', stop: server.stop });
    return { url: server.url, credentialsFile };
  }
  if (purpose === 'test' && (await isContainerRuntimeAvailable())) {
    const container = await startNatsContainer(log, config);
    started.push({ description: 'NATS container', stop: container.stop });
    return { url: container.url, credentialsFile };
  }
  throw natsMissingError();
}

/**
 * Finds (or starts) the PostgreSQL and NATS this process should use, in one place for `npm start`, the test
 * setup and tools:
 *
 * - PostgreSQL: DATABASE_URL when set. Otherwise `start` runs an embedded cluster in `<dataDir>/postgres` (kept
 *   between runs) and creates the `warden` database; `test` uses 127.0.0.1:5432 if something listens there, else
 *   a container if a container engine answers, else a throw-away embedded cluster.
 * - NATS: NATS_URL when set (it must answer; credentials come from the environment). Otherwise a `nats-server -js`
 *   child process with the bus's users and permissions (store and credentials in `<dataDir>` for `start`, a
 *   temporary directory and a free port for `test`), else for `test` a container, else an error saying how to
 *   get a server.
 *
 * The returned stop() stops exactly what was started here. The caller owns signal handling: call stop() on
 * SIGINT/SIGTERM.
 */
export async function discoverInfrastructure(options: DiscoverInfrastructureOptions): Promise<Infrastructure> {
  const context: Context = {
    purpose: options.purpose,
    env: options.env ?? process.env,
    dataDir: path.resolve(options.dataDir ?? path.join(findRepoRoot(), '.data')),
    log: options.log ?? defaultLog,
    started: [],
  };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const resource of [...context.started].reverse()) {
        try {
          await resource.stop();
        } catch (error) {
          context.log(`could not stop ${resource.description}: ${(error as Error).message}`);
        }
      }
    })());

  // Both at once: initdb and a container pull are the slow parts, and they do not depend on each other.
  const [database, nats] = await Promise.allSettled([discoverDatabase(context), discoverNats(context)]);
  if (database.status === 'rejected' || nats.status === 'rejected') {
    await stop();
    const reasons = [database, nats].flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : []));
    if (reasons.length === 1) throw reasons[0];
    throw new AggregateError(reasons, reasons.map((reason) => reason.message).join('\n'));
  }
  return {
    databaseUrl: database.value,
    natsUrl: nats.value.url,
    natsCredentialsFile: nats.value.credentialsFile,
    started: context.started.filter((resource) => !resource.housekeeping).map((resource) => resource.description),
    stop,
  };
}
