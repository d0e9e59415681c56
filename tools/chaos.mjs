#!/usr/bin/env node
// `npm run chaos`: the product's own fault suite. On infrastructure it owns (its own nats-server and embedded
// PostgreSQL, tools/lib/chaos-infra.mjs) it runs the six services as separate processes from dist/ (restarted when
// they exit, as `npm start` does), changes order statuses through the gateway from several clients, and meanwhile
// SIGKILLs and restarts workflow, the gateway, nats-server and PostgreSQL. Then it counts at a JetStream consumer:
//   acked N, missing M, duplicates D, phantom P
// plus the 5xx and network errors seen during each fault. Exits 1 when anything is missing, duplicated or
// invented. Bounded (10 minutes at most) and cleans up after itself, also on Ctrl-C or failure.
//
//   npm run chaos                       every fault three times (about 3 minutes)
//   npm run chaos -- --short            every fault once (about a minute; part of `npm test`)
//   npm run chaos -- --rounds 5 --clients 12 --gap-ms 5000 --verbose
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { build } from './build.mjs';
import { ChaosInfrastructure, natsServiceEnv } from './lib/chaos-infra.mjs';
import { ApiClient, audit, FaultLog, prepareTenant, readStatusEvents, startLoad } from './lib/chaos-load.mjs';
import { assertBuilt, backendServices, runMigrations, say, spawnService, stopChild } from './lib/services.mjs';
import { Supervisor } from './lib/supervisor.mjs';

const HARD_LIMIT_MS = 10 * 60_000;
const FAULTS = ['workflow', 'gateway', 'nats', 'postgres'];

const { values: args } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    clients: { type: 'string', default: '6' },
    'gap-ms': { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const rounds = Number(args.rounds ?? (args.short ? 1 : 3));
const clients = Number(args.clients);
const gapMs = Number(args['gap-ms'] ?? (args.short ? 2000 : 8000));
const log = (message) => say('chaos', message);
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let infra;
let supervisor;
let finishing = false;

async function cleanUp() {
  await supervisor?.stop(['gateway']).catch(() => undefined);
  await infra?.stop().catch(() => undefined);
}

async function finish(code, message) {
  if (finishing) return;
  finishing = true;
  if (message) log(message);
  await cleanUp();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void finish(130, `${signal}: cleaning up`));
process.on('exit', () => {
  for (const child of supervisor?.children() ?? []) child.kill('SIGKILL');
});
setTimeout(() => void finish(2, `not done after ${HARD_LIMIT_MS / 60_000} minutes: stopping`), HARD_LIMIT_MS).unref();

/** Ready, and every service the gateway lists answers. */
async function waitForStack(baseUrl, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(3000) });
      const body = await response.json();
      const down = Object.entries(body.details ?? {})
        .filter(([, check]) => check.status !== 'up')
        .map(([name]) => name);
      if (response.status === 200 && down.length === 0) return;
      last = `HTTP ${response.status}, down: ${down.join(', ')}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await wait(250);
  }
  throw new Error(`the stack did not come back within ${timeoutMs / 1000} s (${last})`);
}

async function outboxDrained(databaseUrl, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const client = new Client({ connectionString: databaseUrl });
    try {
      await client.connect();
      const { rows } = await client.query('SELECT count(*)::int AS pending FROM workflow.outbox WHERE published_at IS NULL');
      if (rows[0].pending === 0) return;
    } catch {
      // the database may still be recovering
    } finally {
      await client.end().catch(() => undefined);
    }
    await wait(500);
  }
  throw new Error('the workflow outbox was not drained within 60 s');
}

async function injectFault(name, baseUrl) {
  const started = Date.now();
  if (name === 'workflow' || name === 'gateway') {
    const child = supervisor.child(name);
    child.kill('SIGKILL');
    await child.exited; // the supervisor starts it again
  } else if (name === 'nats') {
    await infra.killNats();
    await wait(2000);
    await infra.startNats();
  } else if (name === 'postgres') {
    await infra.killPostgres();
    await wait(2000);
    await infra.restartPostgres();
  }
  await waitForStack(baseUrl, 90_000);
  return Date.now() - started;
}

function report(result, faults) {
  const lines = [`acked ${result.acked}, missing ${result.missing}, duplicates ${result.duplicates}, phantom ${result.phantom}`];
  lines.push(`(${result.changes} committed status changes, ${result.events} events at the consumer)`);
  lines.push('errors by window (a fault window: from the kill until every service answers again, plus one second):');
  for (const window of faults.windows) {
    const fiveXX = Object.values(window.fiveXX).reduce((sum, n) => sum + n, 0);
    const detail = Object.entries(window.fiveXX)
      .map(([status, n]) => `${n} × ${status}`)
      .join(', ');
    const took = window.endedAt ? `, window ${((window.endedAt - window.startedAt) / 1000).toFixed(1)} s` : '';
    lines.push(
      `${window.name.padEnd(10)} 5xx ${fiveXX}${detail ? ` (${detail})` : ''}, network errors ${window.networkErrors}, requests ${window.requests}${took}`,
    );
  }
  return lines.join('\n');
}

async function main() {
  await build({ quiet: true });
  const backends = backendServices();
  assertBuilt([...backends, 'gateway']);
  infra = await ChaosInfrastructure.start(args.verbose ? (message) => say('infra', message) : () => undefined);
  const { createDatabaseIfMissing, withDatabase } = infra.lib;
  await createDatabaseIfMissing(infra.postgresUrl, 'warden');
  const databaseUrl = withDatabase(infra.postgresUrl, 'warden');
  const port = await infra.lib.findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    ...natsServiceEnv(infra.natsUrl),
    JWT_SECRET: randomBytes(32).toString('hex'),
    NODE_ENV: 'development',
    LOG_LEVEL: args.verbose ? 'warn' : 'fatal',
    ACCESS_TOKEN_TTL_SECONDS: '3600',
  };
  // Own infrastructure, own names: nothing of a surrounding test run's namespace or settings.
  for (const name of ['NATS_SUBJECT_PREFIX', 'PORT', 'METRICS_PORT', 'TENANT_SIGNUP_TOKEN']) delete env[name];
  log(`own nats-server ${infra.natsUrl}, own PostgreSQL ${new URL(infra.postgresUrl).port}; migrating`);
  await runMigrations(backends, env);

  supervisor = new Supervisor({
    spawn: (service) => spawnService(service, [], service === 'gateway' ? { ...env, PORT: String(port) } : env),
    stop: (child) => stopChild(child),
    log: args.verbose ? log : () => undefined,
    initialBackoffMs: 200,
    maxBackoffMs: 2000,
  });
  for (const service of [...backends, 'gateway']) supervisor.add(service);
  await waitForStack(baseUrl);

  const api = new ApiClient(baseUrl);
  const tenant = await prepareTenant(api, clients);
  const faults = new FaultLog();
  log(`${clients} clients changing order statuses; faults: ${FAULTS.join(', ')} × ${rounds}, ${gapMs} ms apart`);
  const load = startLoad(api, tenant, faults);
  for (let round = 1; round <= rounds; round++) {
    for (const fault of FAULTS) {
      await wait(gapMs);
      faults.open(fault);
      const took = await injectFault(fault, baseUrl);
      await wait(1000); // a second of settled traffic still counts to the fault
      faults.close();
      log(`round ${round}: ${fault} killed and back in ${(took / 1000).toFixed(1)} s (${load.acked.length} acked so far)`);
    }
  }
  await wait(gapMs);
  await load.stop();

  log('counting: waiting for the outbox, reading the histories and the stream');
  await outboxDrained(databaseUrl);
  const histories = new Map();
  for (const order of tenant.orders) histories.set(order.id, await api.must('GET', `/api/v1/orders/${order.id}/history`));
  const events = await readStatusEvents(infra.natsUrl, tenant.tenantId);
  const result = audit(tenant, histories, load.acked, events);
  console.log(report(result, faults));
  const clean = result.missing === 0 && result.duplicates === 0 && result.phantom === 0 && result.acked > 0;
  await finish(clean ? 0 : 1, clean ? 'no event lost, duplicated or invented' : 'FAILED: events lost, duplicated or invented');
}

main().catch((error) => void finish(1, `failed: ${error.stack ?? error.message}`));
