#!/usr/bin/env node
// `npm run bench:outbox`: what the outbox costs a write. P4: an order status change with its outbox row vs the
// very same change without it, in transactions per second (target >= 0.80).
//
// Runs the real workflow service code in this process (startService from dist/, own database and NATS subject
// namespace on the discovered infrastructure): ChangeOrderStatusHandler.execute as the command bus calls it, once with
// the real EventBus (the outbox row in the change's transaction, the relay told after the commit) and once with an event
// bus that records nothing; everything else (locks, order update, status counters, history) is the same code. `clients` concurrent
// clients, each in a tenant of its own (no lock shared between clients), walk one order through a fixed cycle of
// statuses. Rounds alternate between the two variants; the ratio is of the medians, measured in the same run.
// The outbox relay is off, so the figure is the write path alone (publishing happens after the commit).
// BENCH_QUICK=1: 3 rounds of 2 s.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, distDir } from '../tools/build.mjs';
import { loadInfra, say } from '../tools/lib/services.mjs';
import { fmt, fmtInt, median } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const QUICK = process.env.BENCH_QUICK === '1';
const CONFIG = QUICK ? { rounds: 3, seconds: 2, warmupSeconds: 1, clients: 4 } : { rounds: 9, seconds: 3, warmupSeconds: 2, clients: 4 };
const TARGET = 0.8;
const CYCLE = ['New', 'Diagnostics', 'In repair', 'Ready'];
const resultsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'outbox-write.md');
const log = (message) => say('bench', message);

/** The change without its event: the same handler, with an event bus that records nothing. */
function withoutOutbox(handler) {
  return Object.assign(Object.create(Object.getPrototypeOf(handler)), handler, { events: { publish: async () => undefined } });
}

/** Changes statuses (`change(ctx, data)`) for `seconds` with every client at once; returns committed transactions per second. */
async function measure(change, clients, seconds) {
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let committed = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        const next = client.cycle[(client.cycle.indexOf(client.statusId) + 1) % client.cycle.length];
        const order = await change(client.ctx, {
          orderId: client.orderId,
          targetStatusId: next,
          expectedStatusId: client.statusId,
          expectedVersion: client.version,
          decision: { code: 'ALLOWED', policyVersion: 1 },
        });
        client.statusId = order.status.id;
        client.version = order.version;
        committed += 1;
      }
    }),
  );
  return committed / ((performance.now() - started) / 1000);
}

async function main() {
  await build({ quiet: true });
  const infraLib = loadInfra();
  const runId = randomBytes(3).toString('hex');
  // The NATS it finds or starts has users whose permissions honour this prefix; the workflow service connects as its own.
  const infra = await infraLib.discoverInfrastructure({
    purpose: 'test',
    log: (message) => say('infra', message),
    env: { ...process.env, NATS_SUBJECT_PREFIX: `bench_outbox_${runId}` },
  });
  const database = `warden_bench_outbox_${runId}`;
  await infraLib.createDatabaseIfMissing(infra.databaseUrl, database);
  Object.assign(process.env, {
    DATABASE_URL: infraLib.withDatabase(infra.databaseUrl, database),
    NATS_URL: infra.natsUrl,
    NATS_SUBJECT_PREFIX: `bench_outbox_${runId}`,
    OUTBOX_RELAY: 'off',
    LOG_LEVEL: 'warn',
    ...(infra.natsCredentialsFile ? { NATS_CREDENTIALS_FILE: infra.natsCredentialsFile } : {}),
  });
  let app;
  try {
    require('reflect-metadata');
    const { startService, loadEnv, ServiceEnv } = require(path.join(distDir, 'libs/service-kit/src/index.js'));
    const { WORKFLOW_SERVICE } = require(path.join(distDir, 'services/workflow/src/workflow.service-definition.js'));
    const { CreateOrderCommand } = require(path.join(distDir, 'services/workflow/src/orders/create-order.handler.js'));
    const { ChangeOrderStatusCommand, ChangeOrderStatusHandler } = require(
      path.join(distDir, 'services/workflow/src/orders/change-order-status.handler.js'),
    );
    const { ProvisionTenantCommand } = require(path.join(distDir, 'services/workflow/src/workflows/provision-tenant.handler.js'));
    const { CommandBus } = require('@nestjs/cqrs');
    app = await startService(WORKFLOW_SERVICE, loadEnv(ServiceEnv));
    const withOutbox = app.get(ChangeOrderStatusHandler, { strict: false });
    const without = withoutOutbox(withOutbox);
    const commands = app.get(CommandBus, { strict: false });

    const clients = [];
    for (let i = 0; i < CONFIG.clients; i++) {
      const tenantId = randomUUID();
      const workflow = await commands.execute(new ProvisionTenantCommand(tenantId));
      const byName = Object.fromEntries(workflow.statuses.map((status) => [status.name, status.id]));
      const ctx = { tenantId, actorId: null, requestId: randomUUID() };
      const order = await commands.execute(new CreateOrderCommand(ctx, { title: `Bench order ${i + 1}` }));
      clients.push({ ctx, cycle: CYCLE.map((name) => byName[name]), orderId: order.id, statusId: order.status.id, version: order.version });
    }
    const changeWith = (handler) => (ctx, data) => handler.execute(new ChangeOrderStatusCommand(ctx, data));
    const variants = [
      { key: 'with', label: 'status change + outbox row', change: changeWith(withOutbox) },
      { key: 'without', label: 'status change, no outbox row', change: changeWith(without) },
    ];
    log(`P4: ${CONFIG.clients} clients (a tenant each), ${CONFIG.rounds} alternating rounds of ${CONFIG.seconds} s per variant`);
    for (const variant of variants) await measure(variant.change, clients, CONFIG.warmupSeconds);
    const rounds = { with: [], without: [] };
    for (let round = 0; round < CONFIG.rounds; round++) {
      for (const variant of variants) {
        const rate = await measure(variant.change, clients, CONFIG.seconds);
        rounds[variant.key].push(rate);
        log(`  ${variant.label.padEnd(30)} ${fmtInt(rate).padStart(6)} tx/s`);
      }
    }
    const withRate = median(rounds.with);
    const withoutRate = median(rounds.without);
    const ratio = withRate / withoutRate;
    const roundRatios = rounds.with.map((rate, i) => rate / rounds.without[i]);
    const perRound = roundRatios.map((value) => fmt(value)).join(', ');
    const environment = `node ${process.version}, ${os.cpus().length} CPU, ${QUICK ? 'BENCH_QUICK=1' : 'full run'}, ${new Date().toISOString()}`;
    const lines = [
      `| Target | What | Measured | Absolute (medians) | Goal | Result |`,
      '|---|---|---|---|---|---|',
      `| P4 | tx/s ratio, status change with its outbox row / the same change without it | ${fmt(ratio)} | ${fmtInt(withRate)} vs ${fmtInt(withoutRate)} tx/s | >= ${TARGET} | ${ratio >= TARGET ? 'PASS' : 'MISS'} |`,
      '',
      `Per-round ratios (each pair measured back to back; their median, less exposed to a busy machine's drift: ${fmt(median(roundRatios))}): ${perRound}`,
      `tx/s per round, with: ${rounds.with.map(fmtInt).join(', ')}; without: ${rounds.without.map(fmtInt).join(', ')}`,
    ];
    console.log(['', `P4 (${environment})`, '', ...lines, ''].join('\n'));
    await mkdir(path.dirname(resultsFile), { recursive: true });
    await writeFile(
      resultsFile,
      [
        '# Benchmark: the outbox on the write path (P4)',
        '',
        `Command: \`${QUICK ? 'BENCH_QUICK=1 ' : ''}npm run bench:outbox\``,
        '',
        environment,
        '',
        ...lines,
        '',
      ].join('\n'),
    );
    log(`summary written to ${path.relative(process.cwd(), resultsFile)}`);
  } finally {
    await app?.close().catch(() => undefined);
    const { Client } = require('pg');
    const admin = new Client({ connectionString: infra.databaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    // A NATS server the bench started goes away with its stream; one of NATS_URL keeps it: delete this run's.
    if (!infra.natsCredentialsFile) {
      const { connect } = require('@nats-io/transport-node');
      const { jetstreamManager } = require('@nats-io/jetstream');
      const nats = await connect({ servers: infra.natsUrl });
      await (await jetstreamManager(nats)).streams.delete(`WARDEN_EVENTS_bench_outbox_${runId}`).catch(() => undefined);
      await nats.close();
    }
    await infra.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
