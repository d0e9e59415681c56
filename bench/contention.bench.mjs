#!/usr/bin/env node
// P9: order status changes under contention. Starts its own copy of the product (BenchStack: own database and
// NATS subject prefix), seeds over HTTP one tenant with ORDERS orders, then runs two loads with the same
// CLIENTS concurrent clients, in alternating rounds:
//   random  every client changes a random order (of all of them) to a random other status: changes cross each
//           other (X→Y beside Y→X on the same per-status counters) and sometimes race for the same order;
//   cycle   every client owns its share of the orders and walks each through a fixed cycle of the statuses.
// A change is a 200; a 409 (a lost race on the same order, or a retry that kept losing) is counted apart, and
// any 5xx fails the target. Target: changes/s random / cycle >= 0.80 with zero 5xx; afterwards the per-status
// counters must equal the orders in each status. Appends to bench/results/contention.md.
// Usage: npm run bench:contention   (BENCH_P9_CLIENTS=12, BENCH_P9_ORDERS=48, BENCH_P9_SECONDS=5, BENCH_P9_ROUNDS=3)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { say } from '../tools/lib/services.mjs';
import { call, expectStatus, seed } from './lib/seed.mjs';
import { BenchStack } from './lib/stack.mjs';
import { fmt, fmtInt, median, percentile } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const CLIENTS = Number(process.env.BENCH_P9_CLIENTS ?? 12);
const ORDERS = Number(process.env.BENCH_P9_ORDERS ?? 48);
const SECONDS = Number(process.env.BENCH_P9_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_P9_ROUNDS ?? 3);
const TARGET = 0.8;
const resultsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'contention.md');

const stack = new BenchStack();
const startedAt = Date.now();
const log = (message) => say('bench:contention', message);

/** One status change over HTTP; the answer's status and, on success, the order's new status. */
async function change(base, token, orderId, statusId) {
  const started = performance.now();
  try {
    const response = await call(base, 'POST', `/api/v1/orders/${orderId}/status`, { statusId }, token);
    return { status: response.status, code: response.body?.code, ms: performance.now() - started, to: response.body?.status?.id };
  } catch (error) {
    return { status: 0, code: error.cause?.code ?? error.name, ms: performance.now() - started };
  }
}

/** CLIENTS loops for `seconds`; `next(client, i)` picks the next {order, statusId}. */
async function drive(base, token, seconds, next, known) {
  const deadline = performance.now() + seconds * 1000;
  const results = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const { order, statusId } = next(client, i);
        const result = await change(base, token, order.id, statusId);
        if (result.status === 200) known.set(order.id, result.to);
        results.push(result);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const ok = results.filter((r) => r.status === 200);
  const codes = new Map();
  for (const r of results.filter((r) => r.status !== 200))
    codes.set(`${r.status} ${r.code}`, (codes.get(`${r.status} ${r.code}`) ?? 0) + 1);
  return {
    changesPerSecond: ok.length / elapsed,
    requests: results.length,
    changes: ok.length,
    conflicts: results.filter((r) => r.status === 409).length,
    fiveXx: results.filter((r) => r.status >= 500 || r.status === 0).length,
    codes,
    p50: percentile(
      ok.map((r) => r.ms),
      50,
    ),
    p99: percentile(
      ok.map((r) => r.ms),
      99,
    ),
  };
}

async function countersMatch(databaseUrl, tenantId) {
  const { Client } = require('pg');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT s.id, coalesce(c.count, 0)::int AS counted, (SELECT count(*)::int FROM workflow.orders o WHERE o.tenant_id = $1 AND o.status_id = s.id) AS actual
       FROM workflow.statuses s LEFT JOIN workflow.order_status_counts c ON c.tenant_id = s.tenant_id AND c.status_id = s.id
       WHERE s.tenant_id = $1`,
      [tenantId],
    );
    return rows.every((row) => row.counted === row.actual)
      ? 'yes'
      : `NO: ${JSON.stringify(rows.filter((row) => row.counted !== row.actual))}`;
  } finally {
    await db.end();
  }
}

async function main() {
  await stack.start();
  const base = stack.gateways.cached;
  const seeded = await seed(base);
  const token = seeded.adminToken;
  const cycle = seeded.statuses.filter((s) => s.category !== 'final').map((s) => s.id);
  log(`seeding ${ORDERS} orders; ${cycle.length} statuses in play (the non-final ones)`);
  const orders = [];
  for (let i = 0; i < ORDERS; i++) {
    orders.push(
      await expectStatus(
        call(base, 'POST', '/api/v1/orders', { title: `Contention ${i}`, statusId: cycle[i % cycle.length] }, token),
        201,
        'create order',
      ),
    );
  }
  const known = new Map(orders.map((order) => [order.id, order.status.id]));
  const position = new Map(orders.map((order, i) => [order.id, i % cycle.length]));
  const variants = {
    random: () => {
      const order = orders[Math.floor(Math.random() * orders.length)];
      const others = cycle.filter((id) => id !== known.get(order.id));
      return { order, statusId: others[Math.floor(Math.random() * others.length)] };
    },
    cycle: (client, i) => {
      const mine = orders.filter((_, index) => index % CLIENTS === client);
      const order = mine[i % mine.length];
      const next = (position.get(order.id) + 1) % cycle.length;
      position.set(order.id, next);
      return { order, statusId: cycle[next] };
    },
  };
  // The cycle assumes it knows where each order is: align the positions with the last known statuses before each run.
  const realign = () => {
    for (const order of orders) position.set(order.id, cycle.indexOf(known.get(order.id)));
  };
  log(`warm-up: 2 s of each`);
  for (const [name, next] of Object.entries(variants)) {
    realign();
    await drive(base, token, 2, next, known);
    log(`  ${name} warmed up`);
  }
  const rounds = { random: [], cycle: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, next] of Object.entries(variants)) {
      stack.assertHealthy();
      realign();
      const result = await drive(base, token, SECONDS, next, known);
      rounds[name].push(result);
      log(
        `  round ${round + 1} ${name.padEnd(6)} ${fmt(result.changesPerSecond, 1).padStart(7)} changes/s  409 ${result.conflicts}  5xx ${result.fiveXx}  p50 ${fmt(result.p50, 1)} ms  p99 ${fmt(result.p99, 1)} ms`,
      );
    }
  }
  const counters = await countersMatch(stack.databaseUrl, seeded.tenantId);
  const summary = Object.fromEntries(
    Object.entries(rounds).map(([name, list]) => {
      const codes = new Map();
      for (const r of list) for (const [code, n] of r.codes) codes.set(code, (codes.get(code) ?? 0) + n);
      return [
        name,
        {
          changesPerSecond: median(list.map((r) => r.changesPerSecond)),
          requests: list.reduce((n, r) => n + r.requests, 0),
          changes: list.reduce((n, r) => n + r.changes, 0),
          fiveXx: list.reduce((n, r) => n + r.fiveXx, 0),
          codes: [...codes.entries()].map(([code, n]) => `${code} x${n}`).join(', ') || 'none',
          p50: median(list.map((r) => r.p50)),
          p99: median(list.map((r) => r.p99)),
        },
      ];
    }),
  );
  const ratio = summary.random.changesPerSecond / summary.cycle.changesPerSecond;
  const pass = ratio >= TARGET && summary.random.fiveXx === 0 && summary.cycle.fiveXx === 0 && counters === 'yes';
  const load = os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(', ');
  const lines = [
    `## P9: random crossing status changes vs a fixed cycle (${new Date().toISOString()})`,
    '',
    'Command: `npm run bench:contention` (`node bench/contention.bench.mjs`)',
    '',
    `node ${process.version}, ${os.cpus().length} CPU, load average at the end ${load}, whole run ${fmt((Date.now() - startedAt) / 1000, 0)} s. ` +
      `${CLIENTS} clients, ${ORDERS} orders, ${cycle.length} statuses, ${ROUNDS} alternating rounds of ${SECONDS} s per load (medians), one gateway (decision cache on), the administrator's token.`,
    '',
    '| load | changes/s | p50 / p99 ms | changes / requests | 5xx | other answers |',
    '|---|---|---|---|---|---|',
    ...Object.entries(summary).map(
      ([name, s]) =>
        `| ${name} | ${fmt(s.changesPerSecond, 1)} | ${fmt(s.p50, 1)} / ${fmt(s.p99, 1)} | ${fmtInt(s.changes)} / ${fmtInt(s.requests)} | ${s.fiveXx} | ${s.codes} |`,
    ),
    '',
    `| target | value | verdict |`,
    '|---|---|---|',
    `| P9 changes/s random / cycle >= ${TARGET}, zero 5xx | ${fmt(ratio)} | ${pass ? 'PASS' : 'MISS'} |`,
    `| per-status counters equal the orders in each status afterwards | ${counters} | |`,
    '',
    '409s in the random load are lost races on the same order (ORDER.STATUS_MOVED: another client moved it between the',
    "gateway's read and the change) — the answer a client should get, and not a change.",
  ];
  console.log(['', ...lines, ''].join('\n'));
  const before = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark: order status changes under contention\n';
  writeFileSync(resultsFile, `${before.replace(/\s*$/, '\n')}\n${lines.join('\n')}\n`);
  log(`appended to ${path.relative(process.cwd(), resultsFile)}`);
}

stack.run(main, log);
