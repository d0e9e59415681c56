#!/usr/bin/env node
// `npm test`: type-check, lint and format check, then run every spec against real Postgres and real NATS.
// Infrastructure comes from the same discovery `npm start` uses (DATABASE_URL / NATS_URL, the local
// services, testcontainers where Docker answers, or embedded fallbacks). Each run gets its own
// database and its own NATS subject namespace, so a running `npm start` on the same machine is untouched.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { build, repoRoot } from './build.mjs';

const require = createRequire(import.meta.url);
const jestArgs = process.argv.slice(2);
const log = (line) => process.stdout.write(`[test] ${line}\n`);

/** Runs a node script to its end, its output held back and printed in one piece (the checks run side by side). */
function runChecked(title, script, args, { env = process.env, quietOnSuccess = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: repoRoot, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (status) => {
      log(`${title}: ${status === 0 ? 'passed' : 'FAILED'}`);
      if (output.trim() && !(quietOnSuccess && status === 0)) process.stdout.write(output);
      resolve(status === 0);
    });
  });
}

if (!jestArgs.includes('--no-typecheck')) {
  // Type-check and lint at once: each mostly waits on one core, and the machine has two.
  log('type-checking (tsc --noEmit), linting (eslint with Nx module boundaries) and checking the format (prettier)');
  const typecheck = runChecked('type-check', require.resolve('typescript/bin/tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  // The lint run is where the architecture is enforced: Nx tags forbid a service importing another service.
  const lint = jestArgs.includes('--no-lint')
    ? Promise.resolve(true)
    : (async () => {
        const env = { ...process.env, NX_DAEMON: 'false' };
        const graph = await runChecked(
          'project graph (nx show projects)',
          path.join(repoRoot, 'node_modules/nx/dist/bin/nx.js'),
          ['show', 'projects'],
          {
            env,
            quietOnSuccess: true,
          },
        );
        return graph && runChecked('lint', path.join(repoRoot, 'node_modules/eslint/bin/eslint.js'), ['.'], { env });
      })();
  const formatted = runChecked(
    'format (prettier --check)',
    require.resolve('prettier/bin/prettier.cjs'),
    ['--check', '--log-level', 'warn', '.'],
    {
      quietOnSuccess: true,
    },
  );
  const [typed, linted, laidOut] = await Promise.all([typecheck, lint, formatted]);
  if (!typed || !linted || !laidOut) process.exit(1);
}
const args = jestArgs.filter((arg) => arg !== '--no-typecheck' && arg !== '--no-lint');

await build({ quiet: true });
const infra = require(path.join(repoRoot, 'dist/libs/infra/src/index.js'));
const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const jwtSecret = process.env.JWT_SECRET ?? randomBytes(32).toString('hex');

// A whole run goes in shards, one fresh Jest process each: the e2e suites run one at a time in one process (they
// share the lane's database and subject namespace), and over some 140 suites what each leaves in that process
// added up to bus timeouts late in the run. The shards run in lanes side by side, each lane with its own database,
// NATS namespace (and nats-server, when one is started here): much of an e2e suite's time is spent waiting (an
// outage held for 35 s, events awaited), so two lanes keep the two cores busy. A run of named specs is one process.
const shards = Number(process.env.TEST_SHARDS ?? 6);
const wholeRun = !args.some((arg) => !arg.startsWith('-'));
const runs = wholeRun && shards > 1 ? Array.from({ length: shards }, (_, index) => [...args, `--shard=${index + 1}/${shards}`]) : [args];

const lanes = [];
const first = await startLane(1, process.env);
lanes.push(first);
const laneCount = Math.min(runs.length, await affordableLanes(first));
// Later lanes use the first lane's PostgreSQL server (another database on it), never a second embedded cluster.
for (let number = 2; number <= laneCount; number++) lanes.push(await startLane(number, { ...process.env, DATABASE_URL: first.serverUrl }));

let taken = 0;
const codes = await Promise.all(
  lanes.map(async (lane) => {
    let code = 0;
    // Each lane takes the next shard when its last one is done: shards differ in length.
    for (let runArgs = runs[taken++]; runArgs; runArgs = runs[taken++]) {
      if (runs.length > 1) log(`${lane.tag}jest ${runArgs.at(-1)}`);
      const status = await runJest(runArgs, lane);
      if (status !== 0) code = status;
    }
    return code;
  }),
);

for (const lane of lanes) await lane.cleanUp().catch((error) => log(`${lane.tag}clean-up incomplete: ${error.message}`));
process.exit(codes.find((code) => code !== 0) ?? 0);

/** A lane's own database and subject namespace (and nats-server, when discovery starts one), and its Jest environment. */
async function startLane(number, baseEnv) {
  // The subject prefix is known before discovery: a nats-server started for this lane gets permissions for it.
  const subjectPrefix = `test_${runId}${number > 1 ? `_${number}` : ''}`;
  const discovered = await infra.discoverInfrastructure({ purpose: 'test', log, env: { ...baseEnv, NATS_SUBJECT_PREFIX: subjectPrefix } });
  const database = `warden_test_${runId}${number > 1 ? `_${number}` : ''}`;
  await infra.createDatabaseIfMissing(discovered.databaseUrl, database);
  log(
    `database ${database}, NATS ${discovered.natsUrl}${discovered.natsCredentialsFile ? ' (users and permissions)' : ''}, subject namespace ${subjectPrefix}`,
  );
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: infra.withDatabase(discovered.databaseUrl, database),
    NATS_URL: discovered.natsUrl,
    NATS_SUBJECT_PREFIX: subjectPrefix,
    JWT_SECRET: jwtSecret,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
  };
  if (discovered.natsCredentialsFile) {
    // Every process of the lane (each service, the gateway, the tests' own connections) connects as its own user
    // from this file; credentials of the calling shell would override that.
    for (const name of ['NATS_USER', 'NATS_PASSWORD', 'NATS_CREDS', 'NATS_NKEY_SEED']) delete env[name];
    env.NATS_CREDENTIALS_FILE = discovered.natsCredentialsFile;
  }
  return {
    tag: `[lane ${number}] `,
    env,
    serverUrl: discovered.databaseUrl,
    cleanUp: () => cleanUp(discovered, database, subjectPrefix),
  };
}

/**
 * How many lanes this machine's PostgreSQL can carry: a lane's stacks and throw-away databases hold up to some
 * 150 connections at once, so a server allowing fewer than 350 runs one lane (TEST_LANES overrides).
 */
async function affordableLanes(lane) {
  if (process.env.TEST_LANES) return Math.max(1, Number(process.env.TEST_LANES));
  const { Client } = require('pg');
  const client = new Client({ connectionString: lane.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query('SHOW max_connections');
  await client.end();
  const allowed = Number(rows[0].max_connections);
  if (allowed >= 350) return 2;
  log(`one lane: PostgreSQL allows ${allowed} connections, two lanes want 350 (ALTER SYSTEM SET max_connections = 400)`);
  return 1;
}

/** One Jest process; with more than one lane its lines are tagged with the lane's number, as they interleave. */
function runJest(runArgs, lane) {
  const tagged = lanes.length > 1;
  const jest = spawn(process.execPath, [require.resolve('jest/bin/jest'), ...runArgs], {
    cwd: repoRoot,
    env: lane.env,
    stdio: tagged ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  if (tagged) {
    for (const [stream, target] of [
      [jest.stdout, process.stdout],
      [jest.stderr, process.stderr],
    ]) {
      createInterface({ input: stream }).on('line', (line) => target.write(`${lane.tag}${line}\n`));
    }
  }
  return new Promise((resolve) => jest.on('exit', (exit, signal) => resolve(exit ?? (signal ? 1 : 0))));
}

async function cleanUp(discovered, database, subjectPrefix) {
  const { Client } = require('pg');
  const admin = new Client({ connectionString: discovered.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  // Medium tests' throw-away databases (libs/medium-testing) left by a spec that did not close.
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [`${database}_m_`]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
  if (!discovered.natsCredentialsFile) {
    // A server of NATS_URL outlives the run: remove this lane's stream and idempotency keys (when the credentials allow it).
    const { connect } = require('@nats-io/transport-node');
    const { jetstreamManager } = require('@nats-io/jetstream');
    const auth = process.env.NATS_USER ? { user: process.env.NATS_USER, pass: process.env.NATS_PASSWORD } : {};
    const connection = await connect({ servers: discovered.natsUrl, ...auth });
    const manager = await jetstreamManager(connection);
    await manager.streams.delete(`WARDEN_EVENTS_${subjectPrefix}`).catch(() => undefined);
    await manager.streams.delete(`KV_WARDEN_IDEMPOTENCY_${subjectPrefix}`).catch(() => undefined);
    await connection.close();
  }
  await discovered.stop();
}
