#!/usr/bin/env node
// `npm run migrate`: build, find or start PostgreSQL and NATS (as `npm start` does), apply every backend
// service's migrations one after the other, and stop whatever was started for it.
import { build } from './build.mjs';
import { assertBuilt, backendServices, dataDir, loadInfra, runMigrations, say, stopChild } from './lib/services.mjs';

let infraPromise;
let current; // the running migration
let stopping = false;

async function finish(exitCode, message) {
  if (stopping) return;
  stopping = true;
  if (message) say('migrate', message);
  if (current) await stopChild(current);
  const infra = await infraPromise?.catch(() => undefined);
  await infra?.stop();
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => void finish(130, `${signal}: stopping`));
}
process.on('exit', () => current?.kill('SIGKILL'));

async function main() {
  await build();
  const services = backendServices();
  assertBuilt(services);
  const { discoverInfrastructure } = loadInfra();
  infraPromise = discoverInfrastructure({ purpose: 'start', dataDir, log: (message) => say('infra', message) });
  const infra = await infraPromise;
  if (stopping) return;
  const env = {
    ...process.env,
    DATABASE_URL: infra.databaseUrl,
    NATS_URL: infra.natsUrl,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
  await runMigrations(services, env, { track: (child) => (current = child) });
  await finish(0, `migrated ${services.join(', ')}`);
}

main().catch((error) => void finish(1, `failed: ${error.message}`));
