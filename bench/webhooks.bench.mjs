#!/usr/bin/env node
// Webhook delivery: how many events per second the integrations service delivers to a local receiver that
// answers at once, and the latency from an event's commit to its arrival at the receiver at half that rate.
// Starts its own copy of the product (BenchStack), seeds one tenant over HTTP, and points one endpoint at an
// HTTP receiver in this process.
//   throughput  the endpoint is off while EVENTS order creations queue EVENTS deliveries; it is turned on and the
//               clock runs until the last one arrived (the delivery path alone, not the order API);
//   latency     orders are created at half the measured rate for SECONDS; latency = arrival - the event's `time`
//               (set when the outbox row is written, in the committing transaction).
// Target: p99 <= 100 ms. Appends to bench/results/webhooks.md.
// Usage: npm run bench:webhooks   (BENCH_WEBHOOK_EVENTS=300, BENCH_WEBHOOK_SECONDS=10, BENCH_WEBHOOK_CLIENTS=8)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { say } from '../tools/lib/services.mjs';
import { cpuSnapshot } from './lib/cpu.mjs';
import { call, expectStatus, seed } from './lib/seed.mjs';
import { BenchStack } from './lib/stack.mjs';
import { fmt, fmtInt, median, percentile } from './lib/stats.mjs';

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 300);
const SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_WEBHOOK_CLIENTS ?? 8);
/** Orders per second for the latency part; by default half the measured delivery rate (the target's condition). */
const RATE = process.env.BENCH_WEBHOOK_RATE ? Number(process.env.BENCH_WEBHOOK_RATE) : null;
const TARGET_P99_MS = 100;
const resultsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'webhooks.md');

const require = createRequire(import.meta.url);
const stack = new BenchStack();
const startedAt = Date.now();
const log = (message) => say('bench:webhooks', message);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers 204 at once; records arrival times by event id. */
function startReceiver() {
  const arrivals = new Map(); // event id -> { at, time }
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const at = Date.now();
      response.statusCode = 204;
      response.end();
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (!arrivals.has(event.id)) arrivals.set(event.id, { at, time: Date.parse(event.time) });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, arrivals, url: `http://127.0.0.1:${server.address().port}/hook` })),
  );
}

async function createOrders(base, token, count, clients) {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        next += 1;
        await expectStatus(call(base, 'POST', '/api/v1/orders', { title: `Webhook bench ${next}` }, token), 201);
      }
    }),
  );
}

async function waitFor(predicate, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/**
 * Where the latency run's time went, per event: the workflow outbox row's publication (relay), the integrations
 * service storing it (intake), and the receiver's arrival (dispatch), from the bench database's own timestamps.
 */
async function stageBreakdown(arrivals) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    const ids = arrivals.map(([id]) => id);
    const { rows } = await client.query(
      `SELECT o.id::text AS id, extract(epoch FROM o.published_at) * 1000 AS published, extract(epoch FROM e.received_at) * 1000 AS received
       FROM workflow.outbox o JOIN integrations.events e ON e.event_id = o.id WHERE o.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const relay = [];
    const intake = [];
    const dispatch = [];
    for (const [id, arrival] of arrivals) {
      const row = byId.get(id);
      if (!row) continue;
      relay.push(Number(row.published) - arrival.time);
      intake.push(Number(row.received) - Number(row.published));
      dispatch.push(arrival.at - Number(row.received));
    }
    return [
      ['commit → published by the outbox relay', relay],
      ['published → stored by the webhook intake', intake],
      ['stored → receiver', dispatch],
    ];
  } finally {
    await client.end();
  }
}

async function main() {
  await stack.start();
  const base = stack.gateways.cached;
  const tenant = await seed(base);
  const token = tenant.adminToken;
  const receiver = await startReceiver();
  const endpoint = await expectStatus(
    call(base, 'POST', '/api/v1/webhooks', { url: receiver.url, eventTypes: ['workflow.order.created.v1'], active: false }, token),
    201,
  );

  log(`throughput: queueing ${EVENTS} deliveries while the endpoint is off`);
  await createOrders(base, token, EVENTS, CLIENTS);
  for (;;) {
    let pending = 0;
    let cursor = null;
    do {
      const page = await expectStatus(
        call(
          base,
          'GET',
          `/api/v1/webhooks/${endpoint.id}/deliveries?status=pending&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
          undefined,
          token,
        ),
        200,
      );
      pending += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    if (pending >= EVENTS) break;
    await sleep(200);
  }
  const started = Date.now();
  await expectStatus(call(base, 'PATCH', `/api/v1/webhooks/${endpoint.id}`, { active: true }, token), 200);
  await waitFor(() => receiver.arrivals.size >= EVENTS, 120_000, 'the queued deliveries');
  const throughput = EVENTS / ((Date.now() - started) / 1000);
  log(`throughput: ${fmt(throughput, 1)} deliveries/s`);

  const rate = RATE ?? throughput / 2;
  log(`latency: creating orders at ${fmt(rate, 1)}/s for ${SECONDS} s`);
  const before = new Set(receiver.arrivals.keys());
  const cpu = cpuSnapshot(
    Object.fromEntries([...stack.children.keys()].map((name) => [name, stack.pid(name)]).concat([['bench', process.pid]])),
    ['postgres', 'nats-server'],
  );
  const interval = 1000 / rate;
  const firstAt = performance.now();
  const creations = [];
  let created = 0;
  while (performance.now() - firstAt < SECONDS * 1000) {
    const due = firstAt + created * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    created += 1;
    creations.push(expectStatus(call(base, 'POST', '/api/v1/orders', { title: `Latency ${created}` }, token), 201));
  }
  await Promise.all(creations);
  const achievedRate = created / ((performance.now() - firstAt) / 1000);
  await waitFor(() => receiver.arrivals.size >= before.size + created, 60_000, 'the latency run deliveries');
  // Where the machine's two cores went per order (its creation through the API and its delivery), busiest first.
  const cpuPerOrder = Object.entries(cpu.perRequest(created))
    .filter(([, ms]) => ms >= 0.05)
    .sort(([, a], [, b]) => b - a);
  const latencies = [...receiver.arrivals.entries()].filter(([id]) => !before.has(id)).map(([, arrival]) => arrival.at - arrival.time);
  const p50 = median(latencies);
  const p99 = percentile(latencies, 99);
  const stages = await stageBreakdown([...receiver.arrivals.entries()].filter(([id]) => !before.has(id)));
  const pass = p99 <= TARGET_P99_MS;
  receiver.server.close();

  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
  const lines = [
    `## Webhook delivery (${new Date().toISOString()})`,
    '',
    'Command: `npm run bench:webhooks` (`node bench/webhooks.bench.mjs`)',
    '',
    `node ${process.version}, ${os.cpus().length} CPU, load average at the end ${load}, whole run ${fmt((Date.now() - startedAt) / 1000, 0)} s. ` +
      `One integrations process (6 delivery workers, at most 3 to one endpoint, each claiming up to 4 of its deliveries under a backlog), a receiver answering 204 at once in the bench process.`,
    '',
    '| measure | value |',
    '|---|---|',
    `| deliveries/s, ${fmtInt(EVENTS)} queued, endpoint turned on | ${fmt(throughput, 1)} |`,
    `| orders created at (${RATE ? `BENCH_WEBHOOK_RATE=${RATE}` : 'target half of the above'}) | ${fmt(achievedRate, 1)}/s for ${SECONDS} s, ${fmtInt(created)} events |`,
    `| commit → receiver p50 / p99 ms | ${fmt(p50, 1)} / ${fmt(p99, 1)} |`,
    ...stages.map(([stage, values]) => `| ${stage} p50 / p99 ms | ${fmt(median(values), 1)} / ${fmt(percentile(values, 99), 1)} |`),
    `| CPU ms per order (created through the API and delivered), by process | ${cpuPerOrder.map(([name, ms]) => `${name} ${fmt(ms, 1)}`).join(', ') || 'not measured (no /proc)'} |`,
    '',
    `| target | value | verdict |`,
    '|---|---|---|',
    `| p99 commit → receiver <= ${TARGET_P99_MS} ms at half the delivery rate | ${fmt(p99, 1)} ms | ${pass ? 'PASS' : 'MISS'} |`,
  ];
  console.log(['', ...lines, ''].join('\n'));
  const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark: webhook delivery\n';
  writeFileSync(resultsFile, `${previous.replace(/\s*$/, '\n')}\n${lines.join('\n')}\n`);
  log(`appended to ${path.relative(process.cwd(), resultsFile)}`);
}

stack.run(main, log);
