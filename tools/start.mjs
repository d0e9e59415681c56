#!/usr/bin/env node
// `npm start`: build, find or start PostgreSQL and NATS, migrate, run all services, wait until the gateway
// is ready, create the demo tenant, and print how to use it. A service that exits is started again (with
// backoff, tools/lib/supervisor.mjs); Ctrl-C stops the services, then what was started for them.
// `npm start -- --raw-logs` prints the services' JSON log lines unchanged. `npm start -- --replicas 2` runs two
// processes of every service and two gateways (PORT and PORT+1) on the same database and NATS.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';
import { DEMO_TENANT, demoLoginCurl, demoTenantRequest } from './demo-seed.mjs';
import {
  assertBuilt,
  backendServices,
  dataDir,
  jwtSecret,
  loadInfra,
  runMigrations,
  say,
  spawnService,
  stopChild,
} from './lib/services.mjs';
import { Supervisor } from './lib/supervisor.mjs';
import { startMailSink } from './lib/mail-sink.mjs';

const READY_TIMEOUT_MS = 60_000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SUPERVISED = 'WARDEN_START_SUPERVISED';
const MAX_REPLICAS = 4;
const rawLogs = process.argv.includes('--raw-logs');
const port = Number(process.env.PORT ?? 3000);
const replicas = replicasOption(process.argv.slice(2));
/** Each gateway's port: PORT, then the next ones. */
const gatewayPorts = Array.from({ length: replicas }, (_, index) => port + index);

const children = new Map(); // a running migration
let supervisor; // every service, each restarted when it exits
let infraPromise; // resolves to the discovered Infrastructure
let mailSink; // the local SMTP sink, when SMTP_URL is not set
let shuttingDown = false;

/** `--replicas N` or `--replicas=N` (default 1): how many processes of every service and gateways to run. */
function replicasOption(args) {
  const index = args.findIndex((arg) => arg === '--replicas' || arg.startsWith('--replicas='));
  if (index < 0) return 1;
  const value = args[index].includes('=') ? args[index].slice('--replicas='.length) : args[index + 1];
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > MAX_REPLICAS) {
    console.error(`--replicas must be a whole number from 1 to ${MAX_REPLICAS}, not "${value ?? ''}"`);
    process.exit(2);
  }
  return count;
}

/** The processes to supervise: `workflow`, `workflow-2`, ...; a replica's name is its service's plus its number. */
function instancesOf(services) {
  return services.flatMap((service) =>
    Array.from({ length: replicas }, (_, index) => ({
      name: index === 0 ? service : `${service}-${index + 1}`,
      service,
      port: service === 'gateway' ? gatewayPorts[index] : undefined,
    })),
  );
}

async function shutdown(exitCode, reason) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (reason) say('start', reason);
  // The gateways first, so that no new request reaches a service that is going away.
  await supervisor?.stop(instancesOf(['gateway']).map((instance) => instance.name));
  await Promise.all([...children.values()].map((child) => stopChild(child)));
  if (infraPromise) {
    const infra = await infraPromise.catch(() => undefined);
    await infra?.stop();
  }
  await mailSink?.stop();
  process.exit(exitCode);
}

function portIsFree(candidate) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port: candidate }, () => server.close(() => resolve(true)));
  });
}

/** Polls a gateway's /health/ready; on timeout, the last answer names the services that were not up. */
async function waitUntilReady(gatewayPort) {
  const url = `http://127.0.0.1:${gatewayPort}/health/ready`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (shuttingDown) return;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      const body = await response.json().catch(() => undefined);
      // The gateway is ready on its own; wait until every service it lists answers too.
      const down = Object.entries(body?.details ?? body?.error ?? {})
        .filter(([, check]) => check?.status !== 'up')
        .map(([service, check]) => `${service}${check?.message ? ` (${check.message})` : ''}`);
      if (response.status === 200 && down.length === 0) return;
      last = down.length > 0 ? `not ready: ${down.join(', ')}` : `HTTP ${response.status}`;
    } catch (error) {
      last = `gateway not answering (${error.cause?.code ?? error.message})`;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the gateway was not ready within ${READY_TIMEOUT_MS / 1000} s: ${last}`);
}

async function seedDemoTenant() {
  const headers = { 'content-type': 'application/json' };
  // In production the gateway requires the signup token to create tenants.
  if (process.env.TENANT_SIGNUP_TOKEN) headers.authorization = `Bearer ${process.env.TENANT_SIGNUP_TOKEN}`;
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/tenants`, {
    method: 'POST',
    headers,
    body: demoTenantRequest(),
    signal: AbortSignal.timeout(15_000),
  });
  if (response.status === 201) say('start', `created the demo tenant "${DEMO_TENANT.slug}"`);
  else if (response.status === 409) say('start', `the demo tenant "${DEMO_TENANT.slug}" already exists`);
  else {
    say('start', `WARNING: could not create the demo tenant: HTTP ${response.status} ${await response.text()}`);
    return false;
  }
  return true;
}

function banner(seeded) {
  const base = `http://localhost:${port}`;
  const more = gatewayPorts.slice(1).map((other) => `http://localhost:${other}/api/v1`);
  const admin = DEMO_TENANT.administrator;
  const rule = '-'.repeat(100);
  console.log(
    [
      '',
      rule,
      '  warden is running',
      `  gateway   ${base}/api/v1${more.length > 0 ? `  (replicas: ${more.join(', ')}; ${replicas} processes of every service)` : ''}`,
      `  docs      ${base}/docs          (OpenAPI JSON: /docs-json, AsyncAPI: /docs/asyncapi.json)`,
      `  login     tenant "${DEMO_TENANT.slug}", ${admin.email} / ${admin.password}${seeded ? '' : '   (NOT created, see the warning above)'}`,
      `  try       ${demoLoginCurl(port)}`,
      '  Ctrl-C stops everything; data stays in .data/ (delete it to start afresh).',
      rule,
      '',
    ].join('\n'),
  );
}

async function main() {
  await build();
  const backends = backendServices();
  const services = [...backends, 'gateway'];
  assertBuilt(services);
  if (!Number.isInteger(port) || port < 1 || port + replicas - 1 > 65535)
    throw new Error(`PORT must be a TCP port number, not "${process.env.PORT}"`);
  for (const gatewayPort of gatewayPorts) {
    if (!(await portIsFree(gatewayPort))) throw new Error(`port ${gatewayPort} is in use; stop what uses it or set PORT`);
  }

  const { discoverInfrastructure } = loadInfra();
  infraPromise = discoverInfrastructure({ purpose: 'start', dataDir, log: (message) => say('infra', message) });
  const infra = await infraPromise;
  if (shuttingDown) return;
  say('infra', `database ${infra.databaseUrl.replace(/:[^:@/]*@/, ':***@')}`);
  say(
    'infra',
    `nats     ${infra.natsUrl}${infra.natsCredentialsFile ? ` (users and passwords: ${path.relative(process.cwd(), infra.natsCredentialsFile)})` : ''}`,
  );

  // No SMTP server given: email notifications go to a local sink that keeps them as files.
  if (!process.env.SMTP_URL) {
    mailSink = await startMailSink(path.join(dataDir, 'mail'), (line) => say('mail', line));
    say('mail', `no SMTP_URL: emails are kept in ${path.relative(process.cwd(), path.join(dataDir, 'mail'))}/ (SMTP sink ${mailSink.url})`);
  }

  const env = {
    ...process.env,
    ...(mailSink ? { SMTP_URL: mailSink.url } : {}),
    PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
    DATABASE_URL: infra.databaseUrl,
    NATS_URL: infra.natsUrl,
    JWT_SECRET: await jwtSecret(),
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
  delete env.PORT; // only the gateway listens on HTTP
  // Our own nats-server: each process connects as its own user (NATS_URL given: the environment's credentials).
  const natsUsers = infra.natsCredentialsFile ? JSON.parse(await readFile(infra.natsCredentialsFile, 'utf8')).users : undefined;
  if (natsUsers) for (const name of ['NATS_CREDS', 'NATS_NKEY_SEED', 'NATS_CREDENTIALS_FILE']) delete env[name];
  const envOf = (service) => (natsUsers ? { ...env, NATS_USER: service, NATS_PASSWORD: natsUsers[service] } : env);

  await runMigrations(backends, env, {
    rawLogs,
    track: (child) => {
      children.set('migration', child);
      child.once('exit', () => children.delete('migration'));
    },
  });
  if (shuttingDown) return;

  // A service that exits (crash, kill) is started again; the others keep running. Replicas of a service share its
  // NATS user; a fixed METRICS_PORT goes to the first of them, the others take any free port.
  const instances = new Map(instancesOf(services).map((instance) => [instance.name, instance]));
  const envOfInstance = ({ name, service, port: gatewayPort }) => {
    const instanceEnv = { ...envOf(service) };
    if (gatewayPort !== undefined) instanceEnv.PORT = String(gatewayPort);
    if (name !== service && instanceEnv.METRICS_PORT) instanceEnv.METRICS_PORT = '0';
    return instanceEnv;
  };
  supervisor = new Supervisor({
    spawn: (name) => spawnService(instances.get(name).service, [], envOfInstance(instances.get(name)), { rawLogs, label: name }),
    stop: (child) => stopChild(child),
    log: (message) => say('start', message),
  });
  for (const name of instances.keys()) supervisor.add(name);

  for (const gatewayPort of gatewayPorts) await waitUntilReady(gatewayPort);
  if (shuttingDown) return;
  const seeded = await seedDemoTenant().catch((error) => {
    say('start', `WARNING: could not create the demo tenant: ${error.message}`);
    return false;
  });
  banner(seeded);
}

/**
 * Ctrl-C in a terminal signals the whole foreground process group at once. The embedded PostgreSQL (spawned by
 * a library, in our group) would shut down immediately, under the services that are still draining. So the
 * stack runs in a detached copy of this script (a process group of its own), and this process only forwards
 * signals to it and exits with its code.
 */
function supervise() {
  const stack = spawn(process.execPath, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, [SUPERVISED]: '1' },
  });
  for (const signal of SIGNALS) process.on(signal, () => stack.kill(signal));
  stack.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function runStack() {
  for (const signal of SIGNALS) process.on(signal, () => void shutdown(0, `${signal}: stopping`));
  // The children run in their own process groups; never leave them behind, whatever happens to this process.
  process.on('exit', () => {
    for (const child of [...children.values(), ...(supervisor?.children() ?? [])]) child.kill('SIGKILL');
  });
  if (process.env[SUPERVISED] === '1') {
    // The supervising process died without forwarding a signal (e.g. SIGKILL): stop rather than linger.
    const parent = process.ppid;
    setInterval(() => process.ppid !== parent && void shutdown(1, 'the launching process is gone; stopping'), 1000).unref();
  }
  main().catch((error) => void shutdown(1, `failed: ${error.message}`));
}

if (process.env[SUPERVISED] === '1') runStack();
else supervise();
